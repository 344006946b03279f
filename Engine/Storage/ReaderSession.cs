using Microsoft.Data.Sqlite;

namespace DurableLessons.Engine.Storage;

/// <summary>
/// A read connection with its prepared statements, pooled by <see cref="EngineReader"/> so the hot reads
/// (an episode's instance and inbox, versions, journals) are not parsed and planned again on every call.
/// </summary>
internal sealed class ReaderSession : IDisposable
{
    public const string InstanceColumns = """
        instance_id, execution_id, name, status, input, output, custom_status, failure, created_at, last_updated_at,
        parent_instance_id, parent_name, parent_execution_id, parent_task_id, version
        """;

    private readonly List<Statement> _statements = [];

    public ReaderSession(SqliteConnection connection)
    {
        Connection = connection;
        Begin = Add("BEGIN");
        Commit = Add("COMMIT");
        // One statement, so the instance row and its messages come from one snapshot.
        Episode = Add(
            """
            SELECT i.instance_id, i.execution_id, i.name, i.status, i.input, i.output, i.custom_status, i.failure,
                   i.created_at, i.last_updated_at, i.parent_instance_id, i.parent_name, i.parent_execution_id,
                   i.parent_task_id, i.version,
                   m.id, m.execution_id, m.kind, m.task_id, m.name, m.payload, m.failure, m.flags, m.visible_at, m.created_at
            FROM instances i LEFT JOIN inbox m ON m.instance_id = i.instance_id AND m.visible_at <= $now
            WHERE i.instance_id = $id
            ORDER BY m.id
            """,
            "$id",
            "$now");
        Instance = Add($"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id", "$id");
        Version = Add("SELECT version FROM instances WHERE instance_id = $id", "$id");
        Trace = Add("SELECT trace_parent, trace_state, execution_started_at FROM traces WHERE instance_id = $id", "$id");
        Journal = Add(
            """
            SELECT position, event_type, timestamp, task_id, name, payload, failure, fire_at, target
            FROM journal WHERE instance_id = $id ORDER BY position
            """,
            "$id");
    }

    public SqliteConnection Connection { get; }

    public Statement Begin { get; }

    public Statement Commit { get; }

    public Statement Episode { get; }

    public Statement Instance { get; }

    public Statement Version { get; }

    public Statement Trace { get; }

    public Statement Journal { get; }

    /// <summary>False when a failure left the connection inside a transaction; such a session is not reused.</summary>
    public bool IsReusable => Connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0;

    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }

        Connection.Dispose();
    }

    private Statement Add(string sql, params string[] parameters)
    {
        var statement = new Statement(Connection, sql, parameters);
        _statements.Add(statement);
        return statement;
    }
}
