using Microsoft.Data.Sqlite;

namespace DurableLessons.Engine.CrashHost;

/// <summary>The activities' own database: a raw log of every execution and the idempotent effects.</summary>
public sealed class SideEffects(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public void Create()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS executions (id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, step TEXT NOT NULL, run INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS effects (instance_id TEXT NOT NULL, step TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (instance_id, step));
            """;
        command.ExecuteNonQuery();
    }

    public Task LogExecutionAsync(string instanceId, string step, int run, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO executions (instance_id, step, run) VALUES ($i, $s, $v)", instanceId, step, run, cancellationToken);

    public Task RecordEffectAsync(string instanceId, string step, int value, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT OR IGNORE INTO effects (instance_id, step, value) VALUES ($i, $s, $v)", instanceId, step, value, cancellationToken);

    private async Task ExecuteAsync(string sql, string instanceId, string step, int value, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$i", instanceId);
        command.Parameters.AddWithValue("$s", step);
        command.Parameters.AddWithValue("$v", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
