using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace DurableLessons.Bench.Sqlite;

internal sealed record SqliteCommitResult(long Transactions, TimeSpan Elapsed, int RowBytes, double P50Milliseconds, double P99Milliseconds)
{
    public double TransactionsPerSecond => Transactions / Elapsed.TotalSeconds;
}

/// <summary>
/// The physical ceiling of the engine's writer: one connection opened as the engine opens its writer
/// (Engine/Storage/EngineDatabase.cs: no pooling, <c>journal_mode=WAL; synchronous=NORMAL; busy_timeout=10000</c>),
/// committing one journal-shaped row per <c>BEGIN IMMEDIATE … COMMIT</c> with prepared statements, as fast as it can.
/// </summary>
internal static class SqliteCommitBench
{
    /// <summary>The engine's writer pragmas, copied from EngineDatabase.OpenWriter.</summary>
    public const string EnginePragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    // The engine's journal table (Engine/Storage/SqliteSchema.cs).
    private const string JournalTable = """
        CREATE TABLE journal (
            instance_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            event_type TEXT NOT NULL,
            task_id INTEGER,
            name TEXT,
            payload TEXT,
            failure TEXT,
            timestamp INTEGER NOT NULL,
            fire_at INTEGER,
            target TEXT,
            PRIMARY KEY (instance_id, position)
        ) WITHOUT ROWID;
        """;

    // A TaskCompleted event with a small JSON result, the kind of row an activity result adds.
    private const string EventType = "TaskCompleted";
    private const string TaskName = "BenchNoOp";
    private const string Payload = """{"value":42,"note":"a small activity result of typical size"}""";

    public static Task<SqliteCommitResult> RunAsync(string databasePath, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken) =>
        Task.Run(() => Run(databasePath, warmup, duration, cancellationToken), cancellationToken);

    private static SqliteCommitResult Run(string databasePath, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, EnginePragmas);
        Execute(connection, JournalTable);

        using var begin = Prepare(connection, "BEGIN IMMEDIATE");
        using var commit = Prepare(connection, "COMMIT");
        using var insert = Prepare(
            connection,
            """
            INSERT INTO journal (instance_id, position, event_type, task_id, name, payload, failure, timestamp, fire_at, target)
            VALUES ($id, $pos, $type, $task, $name, $payload, NULL, $ts, NULL, NULL)
            """);
        var instanceId = insert.Parameters.Add("$id", SqliteType.Text);
        var position = insert.Parameters.Add("$pos", SqliteType.Integer);
        insert.Parameters.AddWithValue("$type", EventType);
        var taskId = insert.Parameters.Add("$task", SqliteType.Integer);
        insert.Parameters.AddWithValue("$name", TaskName);
        insert.Parameters.AddWithValue("$payload", Payload);
        var timestamp = insert.Parameters.Add("$ts", SqliteType.Integer);
        insert.Prepare();

        long sequence = 0;
        var latencies = new List<long>(1 << 16);
        void CommitOneRow()
        {
            var started = Stopwatch.GetTimestamp();
            sequence++;
            // Rows spread over instances as the engine's do: a new 32-character instance id every 8 events.
            instanceId.Value = (sequence / 8).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
            position.Value = sequence % 8;
            taskId.Value = sequence % 8;
            timestamp.Value = DateTime.UtcNow.Ticks;
            begin.ExecuteNonQuery();
            insert.ExecuteNonQuery();
            commit.ExecuteNonQuery();
            latencies.Add(Stopwatch.GetTimestamp() - started);
        }

        RunFor(warmup, CommitOneRow, cancellationToken);
        latencies.Clear();
        var (transactions, elapsed) = RunFor(duration, CommitOneRow, cancellationToken);
        latencies.Sort();
        return new SqliteCommitResult(transactions, elapsed, RowBytes(), Percentiles.Milliseconds(latencies, 0.50), Percentiles.Milliseconds(latencies, 0.99));
    }

    private static (long Count, TimeSpan Elapsed) RunFor(TimeSpan duration, Action commitOneRow, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        while (stopwatch.Elapsed < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            commitOneRow();
            count++;
        }

        return (count, stopwatch.Elapsed);
    }

    /// <summary>Bytes of column data in one row (text as UTF-8, integers as 8 bytes), for the report.</summary>
    private static int RowBytes() => 32 + 8 + EventType.Length + 8 + TaskName.Length + Payload.Length + 8;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
