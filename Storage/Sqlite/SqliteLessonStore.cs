using System.Data;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Storage.Sqlite;

/// <summary>
/// Versioned lessons in SQLite. A save runs in one BEGIN IMMEDIATE transaction: it takes the write lock before reading
/// the current highest number, so concurrent saves (threads or processes) queue instead of racing.
/// </summary>
internal sealed class SqliteLessonStore(SqliteLessonDatabase database, TimeProvider time, ILogger<SqliteLessonStore> logger) : ILessonStore
{
    private const string InfoColumns = "subject, topic, level, minor, run_id, created_at_ticks, title, generator";

    public async Task<LessonVersionInfo> SaveNewVersionAsync(LessonKey key, string runId, LessonDocument document, CancellationToken cancellationToken)
    {
        LessonStoreArguments.ValidateSave(key, runId, document);
        var json = LessonDocumentJson.Serialize(document);
        var storageId = key.StorageId;

        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;

        // BEGIN IMMEDIATE (deferred: false) takes the write lock now; there is no async overload that chooses it.
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);

        var existing = await FindRunAsync(connection, transaction, runId, cancellationToken);
        if (existing is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            if (existing.Value.StorageId != storageId)
            {
                throw new InvalidOperationException($"Run id '{runId}' already saved a version of another lesson.");
            }

            logger.LogInformation("Run {RunId} already saved lesson {LessonKey} as version {Version}", runId, key, existing.Value.Info.Version);
            return existing.Value.Info;
        }

        var (previousMinor, previousCreatedAt) = await ReadLatestAsync(connection, transaction, storageId, cancellationToken);
        var minor = previousMinor + 1;
        var createdAt = LessonCreationTime.Next(time, previousCreatedAt);

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO lesson_versions (storage_id, minor, subject, topic, level, run_id, created_at_ticks, title, generator, document)
                VALUES ($storageId, $minor, $subject, $topic, $level, $runId, $createdAt, $title, $generator, $document);
                """;
            insert.Parameters.AddWithValue("$storageId", storageId);
            insert.Parameters.AddWithValue("$minor", minor);
            insert.Parameters.AddWithValue("$subject", key.Subject);
            insert.Parameters.AddWithValue("$topic", key.Topic);
            insert.Parameters.AddWithValue("$level", key.Level.ToWire());
            insert.Parameters.AddWithValue("$runId", runId);
            insert.Parameters.AddWithValue("$createdAt", createdAt.UtcTicks);
            insert.Parameters.AddWithValue("$title", document.Title);
            insert.Parameters.AddWithValue("$generator", document.Generator);
            insert.Parameters.AddWithValue("$document", json);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var info = new LessonVersionInfo(key.Subject, key.Topic, key.Level.ToWire(), LessonVersionNumber.Format(minor), runId, createdAt, document.Title, document.Generator);
        logger.LogInformation("Saved lesson {LessonKey} version {Version} for run {RunId}", key, info.Version, runId);
        return info;
    }

    public async Task<LessonVersion?> GetLatestAsync(LessonKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await ReadVersionAsync(
            key,
            "WHERE storage_id = $storageId ORDER BY minor DESC LIMIT 1",
            static _ => { },
            cancellationToken);
    }

    public async Task<LessonVersion?> GetVersionAsync(LessonKey key, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!LessonVersionNumber.TryParse(version, out var minor))
        {
            return null;
        }

        return await ReadVersionAsync(
            key,
            "WHERE storage_id = $storageId AND minor = $minor",
            parameters => parameters.AddWithValue("$minor", minor),
            cancellationToken);
    }

    public async Task<IReadOnlyList<LessonVersionInfo>> ListVersionsAsync(LessonKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {InfoColumns} FROM lesson_versions WHERE storage_id = $storageId ORDER BY minor";
        command.Parameters.AddWithValue("$storageId", key.StorageId);
        return await ReadInfosAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<LessonVersionInfo>> ListStaleAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {InfoColumns} FROM lesson_versions AS v
            WHERE v.minor = (SELECT MAX(minor) FROM lesson_versions WHERE storage_id = v.storage_id)
              AND v.created_at_ticks < $cutoff
            ORDER BY v.created_at_ticks, v.subject, v.topic, v.level
            """;
        command.Parameters.AddWithValue("$cutoff", createdBefore.UtcTicks);
        return await ReadInfosAsync(command, cancellationToken);
    }

    private static async Task<(string StorageId, LessonVersionInfo Info)?> FindRunAsync(
        SqliteConnection connection, SqliteTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT storage_id, {InfoColumns} FROM lesson_versions WHERE run_id = $runId";
        command.Parameters.AddWithValue("$runId", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), ReadInfo(reader, offset: 1)) : null;
    }

    private static async Task<(int Minor, DateTimeOffset? CreatedAt)> ReadLatestAsync(
        SqliteConnection connection, SqliteTransaction transaction, string storageId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT minor, created_at_ticks FROM lesson_versions WHERE storage_id = $storageId ORDER BY minor DESC LIMIT 1";
        command.Parameters.AddWithValue("$storageId", storageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt32(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero))
            : (-1, null);
    }

    private async Task<LessonVersion?> ReadVersionAsync(
        LessonKey key, string where, Action<SqliteParameterCollection> addParameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {InfoColumns}, document FROM lesson_versions {where}";
        command.Parameters.AddWithValue("$storageId", key.StorageId);
        addParameters(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var info = ReadInfo(reader, offset: 0);
        var document = LessonDocumentJson.Deserialize(reader.GetString(8));
        return new LessonVersion(info.Subject, info.Topic, info.Level, info.Version, info.RunId, info.CreatedAt, document);
    }

    private static async Task<IReadOnlyList<LessonVersionInfo>> ReadInfosAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var infos = new List<LessonVersionInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            infos.Add(ReadInfo(reader, offset: 0));
        }

        return infos;
    }

    private static LessonVersionInfo ReadInfo(SqliteDataReader reader, int offset) => new(
        Subject: reader.GetString(offset),
        Topic: reader.GetString(offset + 1),
        Level: reader.GetString(offset + 2),
        Version: LessonVersionNumber.Format(reader.GetInt32(offset + 3)),
        RunId: reader.GetString(offset + 4),
        CreatedAt: new DateTimeOffset(reader.GetInt64(offset + 5), TimeSpan.Zero),
        Title: reader.GetString(offset + 6),
        Generator: reader.GetString(offset + 7));
}
