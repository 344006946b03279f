using DurableLessons.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Storage.Sqlite;

/// <summary>Artifacts as rows of lessons.db; a put overwrites, a prefix delete compares keys exactly (case-sensitive, no wildcards).</summary>
internal sealed class SqliteArtifactStore(SqliteLessonDatabase database, TimeProvider time, ILogger<SqliteArtifactStore> logger) : IArtifactStore
{
    public async Task PutAsync(string key, string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(content);
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = write.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO artifacts (key, content, updated_at_ticks) VALUES ($key, $content, $updatedAt)
            ON CONFLICT (key) DO UPDATE SET content = excluded.content, updated_at_ticks = excluded.updated_at_ticks;
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$content", content);
        command.Parameters.AddWithValue("$updatedAt", time.GetUtcNow().UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content FROM artifacts WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task DeleteByPrefixAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = write.Connection.CreateCommand();
        // The range lets SQLite use the primary key instead of scanning every artifact while it holds the write turn
        // (only for an ASCII last character, where UTF-16 and SQLite's UTF-8 byte order agree; run prefixes end in '/').
        var ranged = keyPrefix.Length > 0 && keyPrefix[^1] < '\u007f';
        command.CommandText = ranged
            ? "DELETE FROM artifacts WHERE key >= $prefix AND key < $upperBound AND substr(key, 1, length($prefix)) = $prefix"
            : "DELETE FROM artifacts WHERE substr(key, 1, length($prefix)) = $prefix";
        command.Parameters.AddWithValue("$prefix", keyPrefix);
        if (ranged)
        {
            command.Parameters.AddWithValue("$upperBound", keyPrefix[..^1] + (char)(keyPrefix[^1] + 1));
        }

        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogDebug("Deleted {ArtifactCount} artifacts under prefix {ArtifactPrefix}", deleted, keyPrefix);
    }
}
