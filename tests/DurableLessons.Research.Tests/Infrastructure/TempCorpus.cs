namespace DurableLessons.Research.Tests.Infrastructure;

/// <summary>A throw-away corpus folder under the system temp directory.</summary>
internal sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"research-corpus-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
