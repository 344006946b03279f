namespace DurableLessons.Load.EmbeddedHost;

/// <summary>The SQLite files of a data directory (<c>*.db</c> and <c>*.db-wal</c>), to measure growth per lesson.</summary>
internal static class DataFiles
{
    public static long TotalBytes(string directory) => Sizes(directory).Sum(f => f.Bytes);

    public static IReadOnlyList<(string Name, long Bytes)> Sizes(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(path => path.EndsWith(".db", StringComparison.Ordinal) || path.EndsWith(".db-wal", StringComparison.Ordinal))
                .Select(path => (Path.GetRelativePath(directory, path), new FileInfo(path).Length))
                .OrderBy(f => f.Item1, StringComparer.Ordinal)
                .ToList()
            : [];
}
