using Microsoft.Data.Sqlite;

namespace DurableLessons.Bench.Engine;

/// <summary>
/// Reads from the engine's own journal how many episodes (orchestration steps) a set of instances took: every
/// episode that processes messages journals one <c>OrchestratorStarted</c> row (Engine/Runtime/OrchestrationExecutor.cs).
/// With that, the engine's accounting (Engine/Storage/JournalWriter.cs) gives the commits a fan-out of N needs
/// without group commit: 1 (start) + N (one per activity result) + episodes.
/// </summary>
internal static class JournalEpisodeCounter
{
    public static async Task<long> CountEpisodesAsync(string databasePath, string instanceIdPrefix, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM journal
            WHERE event_type = 'OrchestratorStarted' AND substr(instance_id, 1, length($prefix)) = $prefix
            """;
        command.Parameters.AddWithValue("$prefix", instanceIdPrefix);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
