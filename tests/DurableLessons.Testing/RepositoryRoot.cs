namespace DurableLessons.Testing;

/// <summary>The repository checkout the tests run from.</summary>
public static class RepositoryRoot
{
    /// <summary>The directory holding DurableLessons.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DurableLessons.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DurableLessons.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }
}
