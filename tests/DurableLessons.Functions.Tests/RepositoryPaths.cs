namespace DurableLessons.Functions.Tests;

/// <summary>Folders of the repository these tests read (found from the test's output folder upwards).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DurableLessons.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DurableLessons.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
