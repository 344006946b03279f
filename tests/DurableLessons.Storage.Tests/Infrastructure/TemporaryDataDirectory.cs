namespace DurableLessons.Storage.Tests.Infrastructure;

/// <summary>A data directory of its own for a SQLite store under test, as the <c>DataDirectory</c> setting.</summary>
public sealed class TemporaryDataDirectory(string purpose)
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"{purpose}-{Guid.NewGuid():N}");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DataDirectory"] = path };

    public Task DeleteAsync()
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Temp files are left for the OS to reclaim.
        }

        return Task.CompletedTask;
    }
}
