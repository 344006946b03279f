using System.Text;
using DurableLessons.Research.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Local;

/// <summary>
/// Builds the corpus index once and hands the same one out until a corpus file is added, removed or changed
/// (checked cheaply on each request from names, sizes and write times), then rebuilds it once.
/// </summary>
internal sealed class LocalCorpusIndexProvider(IOptions<ResearchOptions> options, ILogger<LocalCorpusIndexProvider> logger) : IDisposable
{
    private static readonly string[] Extensions = [".md", ".markdown", ".txt"];

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private Snapshot? _current;

    public async Task<Bm25Index> GetAsync(CancellationToken cancellationToken)
    {
        var root = options.Value.ResolveCorpusPath();
        var files = ListFiles(root);
        var fingerprint = Fingerprint(root, files);
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Fingerprint == fingerprint)
        {
            return current.Index;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && current.Fingerprint == fingerprint)
            {
                return current.Index;
            }

            var chunks = new List<CorpusChunk>();
            foreach (var file in files)
            {
                var content = await File.ReadAllTextAsync(file.FullName, Encoding.UTF8, cancellationToken);
                chunks.AddRange(MarkdownChunker.Chunk(Path.GetRelativePath(root, file.FullName), content));
            }

            var index = Bm25Index.Build(chunks);
            Volatile.Write(ref _current, new Snapshot(fingerprint, index));
            logger.LogInformation("Indexed the research corpus at {CorpusPath}: {FileCount} files, {ChunkCount} chunks", root, files.Count, chunks.Count);
            return index;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public void Dispose() => _rebuild.Dispose();

    private static List<FileInfo> ListFiles(string root)
    {
        var directory = new DirectoryInfo(root);
        if (!directory.Exists)
        {
            throw new DirectoryNotFoundException($"The research corpus folder '{root}' does not exist ({ResearchOptions.SectionName}:CorpusPath).");
        }

        return directory
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(file => Extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase))
            .OrderBy(file => file.FullName, StringComparer.Ordinal)
            .ToList();
    }

    private static string Fingerprint(string root, List<FileInfo> files)
    {
        var fingerprint = new StringBuilder(root).Append('\n');
        foreach (var file in files)
        {
            fingerprint.Append(file.FullName).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }

        return fingerprint.ToString();
    }

    private sealed record Snapshot(string Fingerprint, Bm25Index Index);
}
