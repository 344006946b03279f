using System.Text;
using Azure;
using Azure.Data.Tables;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Storage.TableStore;

/// <summary>
/// Versioned lessons in Azure Table storage (see <see cref="LessonRows"/>). A new version is ONE entity-group transaction
/// in the lesson's partition: version row + content chunks + run marker + the latest pointer (inserted for 1.0,
/// replaced under If-Match afterwards). Losing the race (409/412) means another save committed first: re-read and
/// retry with the next number, unless the conflict was this run's own marker, in which case its version is returned.
/// </summary>
internal sealed class TableLessonStore(LessonTables tables, TableLessonIndex index, TimeProvider time, ILogger<TableLessonStore> logger) : ILessonStore
{
    private const int MaxSaveAttempts = 100;

    /// <summary>A save's transaction holds the chunks (the first inside the version row), the run marker and the latest pointer: at most 100 actions.</summary>
    private const int MaxChunks = 98;

    public async Task<LessonVersionInfo> SaveNewVersionAsync(LessonKey key, string runId, LessonDocument document, CancellationToken cancellationToken)
    {
        LessonStoreArguments.ValidateSave(key, runId, document);
        var chunks = TextChunks.Split(LessonDocumentJson.Serialize(document));
        if (chunks.Count > MaxChunks)
        {
            throw new ArgumentException(
                $"The lesson is too large for one Table storage transaction ({chunks.Count} chunks of {TextChunks.MaxChunkChars} characters; at most {MaxChunks}).",
                nameof(document));
        }

        var lessons = await tables.LessonsAsync(cancellationToken);
        var storageId = key.StorageId;
        for (var attempt = 1; attempt <= MaxSaveAttempts; attempt++)
        {
            var latest = await lessons.FindAsync(storageId, LessonRows.LatestRowKey, select: null, cancellationToken);
            if (latest is null)
            {
                await index.RegisterAsync(storageId, cancellationToken);
            }

            var minor = latest is null ? 0 : LessonRows.ReadMinor(latest) + 1;
            var createdAt = LessonCreationTime.Next(time, latest is null ? null : LessonRows.ReadCreatedAt(latest));
            try
            {
                await TableTransactions.SubmitAsync(lessons, BuildSave(key, runId, document, chunks, minor, createdAt, latest), cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                if (await FindRunAsync(lessons, storageId, runId, cancellationToken) is (var saved, var savedMinor))
                {
                    // A retried run may have crashed before its index update: finish it now.
                    await index.AdvanceAsync(storageId, savedMinor, saved.CreatedAt, cancellationToken);
                    logger.LogInformation("Run {RunId} already saved lesson {LessonKey} as version {Version}", runId, key, saved.Version);
                    return saved;
                }

                logger.LogDebug("Version {Version} of lesson {LessonKey} was taken by a concurrent save (attempt {Attempt}); retrying",
                    LessonVersionNumber.Format(minor), key, attempt);
                await ConflictBackoff.DelayAsync(attempt, cancellationToken);
                continue;
            }

            await index.AdvanceAsync(storageId, minor, createdAt, cancellationToken);
            var info = new LessonVersionInfo(key.Subject, key.Topic, key.Level.ToWire(), LessonVersionNumber.Format(minor), runId, createdAt, document.Title, document.Generator);
            logger.LogInformation("Saved lesson {LessonKey} version {Version} for run {RunId}", key, info.Version, runId);
            return info;
        }

        throw new InvalidOperationException($"Could not assign a version to lesson {key} after {MaxSaveAttempts} attempts; too many concurrent saves.");
    }

    public async Task<LessonVersion?> GetLatestAsync(LessonKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lessons = await tables.LessonsAsync(cancellationToken);
        var latest = await lessons.FindAsync(key.StorageId, LessonRows.LatestRowKey, [LessonRows.Minor], cancellationToken);
        return latest is null ? null : await ReadVersionAsync(lessons, key.StorageId, LessonRows.ReadMinor(latest), cancellationToken);
    }

    public async Task<LessonVersion?> GetVersionAsync(LessonKey key, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!LessonVersionNumber.TryParse(version, out var minor))
        {
            return null;
        }

        var lessons = await tables.LessonsAsync(cancellationToken);
        return await ReadVersionAsync(lessons, key.StorageId, minor, cancellationToken);
    }

    public async Task<IReadOnlyList<LessonVersionInfo>> ListVersionsAsync(LessonKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lessons = await tables.LessonsAsync(cancellationToken);
        var (from, to) = LessonRows.VersionRange;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key.StorageId} and RowKey ge {from} and RowKey lt {to}");
        var versions = new List<LessonVersionInfo>();
        await foreach (var row in lessons.QueryAllAsync(filter, LessonRows.InfoProperties, cancellationToken))
        {
            versions.Add(LessonRows.ReadInfo(row));
        }

        return versions;
    }

    public async Task<IReadOnlyList<LessonVersionInfo>> ListStaleAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var lessons = await tables.LessonsAsync(cancellationToken);
        var candidates = await index.CandidatesAsync(createdBefore, cancellationToken);

        // The index may lag behind a save that crashed before updating it: the latest pointer has the final word.
        var stale = new List<LessonVersionInfo>();
        foreach (var (storageId, indexedMinor) in candidates)
        {
            var latest = await lessons.FindAsync(storageId, LessonRows.LatestRowKey, LessonRows.InfoProperties, cancellationToken);
            if (latest is null)
            {
                continue;
            }

            var info = LessonRows.ReadInfo(latest);
            if (info.CreatedAt < createdBefore)
            {
                stale.Add(info);
            }

            var minor = LessonRows.ReadMinor(latest);
            if (minor > indexedMinor)
            {
                await index.AdvanceAsync(storageId, minor, info.CreatedAt, cancellationToken);
            }
        }

        return stale
            .OrderBy(info => info.CreatedAt)
            .ThenBy(info => info.Subject, StringComparer.Ordinal)
            .ThenBy(info => info.Topic, StringComparer.Ordinal)
            .ThenBy(info => info.Level, StringComparer.Ordinal)
            .ToList();
    }

    private static List<TableTransactionAction> BuildSave(
        LessonKey key, string runId, LessonDocument document, IReadOnlyList<string> chunks, int minor, DateTimeOffset createdAt, TableEntity? latest)
    {
        var storageId = key.StorageId;
        var version = new TableEntity(storageId, LessonRows.VersionRowKey(minor));
        LessonRows.SetInfo(version, key, minor, runId, createdAt, document);
        version[LessonRows.ChunkCount] = chunks.Count;
        version[LessonRows.Content] = chunks[0];

        var actions = new List<TableTransactionAction>(chunks.Count + 2) { new(TableTransactionActionType.Add, version) };
        for (var index = 1; index < chunks.Count; index++)
        {
            var chunk = new TableEntity(storageId, LessonRows.ChunkRowKey(minor, index)) { [LessonRows.Content] = chunks[index] };
            actions.Add(new(TableTransactionActionType.Add, chunk));
        }

        var marker = new TableEntity(storageId, LessonRows.RunRowKey(runId)) { [LessonRows.RunId] = runId, [LessonRows.Minor] = minor };
        actions.Add(new(TableTransactionActionType.Add, marker));

        var pointer = new TableEntity(storageId, LessonRows.LatestRowKey);
        LessonRows.SetInfo(pointer, key, minor, runId, createdAt, document);
        actions.Add(latest is null
            ? new(TableTransactionActionType.Add, pointer)
            : new(TableTransactionActionType.UpdateReplace, pointer, latest.ETag));
        return actions;
    }

    private static async Task<(LessonVersionInfo Info, int Minor)?> FindRunAsync(TableClient lessons, string storageId, string runId, CancellationToken cancellationToken)
    {
        var marker = await lessons.FindAsync(storageId, LessonRows.RunRowKey(runId), select: null, cancellationToken);
        if (marker is null)
        {
            return null;
        }

        var minor = LessonRows.ReadMinor(marker);
        var version = await lessons.FindAsync(storageId, LessonRows.VersionRowKey(minor), LessonRows.InfoProperties, cancellationToken);
        return version is null ? throw LessonRows.Corrupt(marker, "version row") : (LessonRows.ReadInfo(version), minor);
    }

    private static async Task<LessonVersion?> ReadVersionAsync(TableClient lessons, string storageId, int minor, CancellationToken cancellationToken)
    {
        var row = await lessons.FindAsync(storageId, LessonRows.VersionRowKey(minor), select: null, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var info = LessonRows.ReadInfo(row);
        var chunkCount = row.GetInt32(LessonRows.ChunkCount) ?? 1;
        var json = new StringBuilder(row.GetString(LessonRows.Content) ?? throw LessonRows.Corrupt(row, LessonRows.Content));
        if (chunkCount > 1)
        {
            var (from, to) = LessonRows.ChunkRange(minor);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {storageId} and RowKey ge {from} and RowKey lt {to}");
            var read = 1;
            await foreach (var chunk in lessons.QueryAllAsync(filter, [LessonRows.Content], cancellationToken))
            {
                json.Append(chunk.GetString(LessonRows.Content));
                read++;
            }

            if (read != chunkCount)
            {
                throw new InvalidDataException($"Lesson {storageId} version {info.Version} has {read} of its {chunkCount} content chunks.");
            }
        }

        return new LessonVersion(info.Subject, info.Topic, info.Level, info.Version, info.RunId, info.CreatedAt, LessonDocumentJson.Deserialize(json.ToString()));
    }
}
