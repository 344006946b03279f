namespace DurableLessons.Bench.Report;

/// <summary>Keeps the latest full run in bench/README.md, between two marker comments; the rest is hand-written.</summary>
internal static class ReadmeResults
{
    public const string StartMarker = "<!-- bench-results:start -->";
    public const string EndMarker = "<!-- bench-results:end -->";

    private const string ProjectFile = "bench/DurableLessons.Bench/DurableLessons.Bench.csproj";

    /// <summary>bench/README.md of the repository the bench was built from, or null when it cannot be found.</summary>
    public static string? FindReadme()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, ProjectFile)))
                {
                    return Path.Combine(directory.FullName, "bench", "README.md");
                }
            }
        }

        return null;
    }

    public static async Task WriteAsync(string readmePath, string results, CancellationToken cancellationToken)
    {
        var section = $"{StartMarker}\n{results.TrimEnd()}\n{EndMarker}";
        var current = File.Exists(readmePath) ? await File.ReadAllTextAsync(readmePath, cancellationToken) : "# Engine benchmark\n";
        var start = current.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = current.IndexOf(EndMarker, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? string.Concat(current.AsSpan(0, start), section, current.AsSpan(end + EndMarker.Length))
            : $"{current.TrimEnd()}\n\n## Latest results\n\n{section}\n";
        await File.WriteAllTextAsync(readmePath, updated, cancellationToken);
    }
}
