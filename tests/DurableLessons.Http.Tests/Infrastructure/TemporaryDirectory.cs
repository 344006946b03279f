namespace DurableLessons.Http.Tests.Infrastructure;

/// <summary>A data directory path under the temp folder, not yet created, removed (with whatever the host wrote) on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "durablelessons-http-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Still held by a closing database handle; the OS cleans the temp folder eventually.
        }
    }
}
