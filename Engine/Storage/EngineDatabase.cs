using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.Storage;

/// <summary>
/// Values read once when the database is opened: the <c>meta</c> table's, and the highest message and work-item ids
/// ever used (see <see cref="SqliteSchema"/>).
/// </summary>
internal sealed record EngineMetadata(byte[] ContinuationTokenKey, long ChangeSequence, long HighestMessageId, long HighestWorkItemId);

/// <summary>Where the database lives, how connections to it are opened, and its one-time creation.</summary>
internal sealed class EngineDatabase
{
    private readonly string _readConnectionString;
    private readonly string _writeConnectionString;
    private readonly ILogger<EngineDatabase> _logger;
    private readonly Lazy<Task<EngineMetadata>> _initialization;

    public EngineDatabase(IOptions<EngineOptions> options, ILogger<EngineDatabase> logger)
    {
        _logger = logger;
        FilePath = Path.GetFullPath(options.Value.DatabasePath ?? throw new InvalidOperationException("Engine:DatabasePath is not set."));
        _readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString();
        _writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        SqliteMemoryStatistics.Disable(logger);
        _initialization = new Lazy<Task<EngineMetadata>>(() => Task.Run(Initialize));
    }

    public string FilePath { get; }

    /// <summary>Creates the file and schema on first use; every entry point awaits this before touching the database.</summary>
    public Task<EngineMetadata> InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.Value.WaitAsync(cancellationToken);

    /// <summary>A connection for reads (pooled by <see cref="EngineReader"/>); in WAL mode readers never block the writer.</summary>
    // The engine's statements step SQLite directly (Statement), so SQLite itself must wait out a lock
    // (a checkpoint, WAL recovery at start-up) the way Microsoft.Data.Sqlite's retry loop used to.
    public SqliteConnection OpenReader() => Open(_readConnectionString, "PRAGMA busy_timeout=10000;");

    /// <summary>A connection for the single writer.</summary>
    // WAL + synchronous=NORMAL: a committed transaction is in the WAL file before COMMIT returns, so it survives
    // the process being killed at any moment (SIGKILL). Only a power loss or OS crash can lose the last commits,
    // the trade the engine makes for throughput (FULL would fsync on every commit).
    public SqliteConnection OpenWriter() =>
        Open(_writeConnectionString, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");

    /// <summary>
    /// The writer's connection with SQLite's own checkpoints off: <see cref="WalCheckpointer"/> runs them on
    /// <see cref="OpenCheckpointer"/>, off the writer's COMMIT.
    /// </summary>
    public SqliteConnection OpenJournalWriter() => Open(
        _writeConnectionString,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint=0;");

    /// <summary>A connection for <see cref="WalCheckpointer"/>, syncing as the writer does.</summary>
    public SqliteConnection OpenCheckpointer() => Open(_readConnectionString, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");

    private static SqliteConnection Open(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        return connection;
    }

    private EngineMetadata Initialize()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = OpenWriter();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = SqliteSchema.Create + "SELECT value FROM meta WHERE key = 'schema_version';";
            var version = check.ExecuteScalar() as string;
            if (version is not null && !SqliteSchema.Readable.Contains(version))
            {
                throw new InvalidOperationException(
                    $"The durable engine database '{FilePath}' has schema version {version}; this engine opens versions {string.Join(", ", SqliteSchema.Readable)}.");
            }
        }

        using (var init = connection.CreateCommand())
        {
            init.CommandText = """
                INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', $schema);
                INSERT OR IGNORE INTO meta (key, value) VALUES ('token_key', $key);
                INSERT OR IGNORE INTO meta (key, value) VALUES ('change_sequence', '0');
                """;
            init.Parameters.AddWithValue("$schema", SqliteSchema.Version.ToString(CultureInfo.InvariantCulture));
            init.Parameters.AddWithValue("$key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            init.ExecuteNonQuery();
        }

        using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT (SELECT value FROM meta WHERE key = 'token_key'),
                   max(CAST((SELECT value FROM meta WHERE key = 'change_sequence') AS INTEGER),
                       coalesce((SELECT max(version) FROM instances), 0)),
                   coalesce((SELECT max(id) FROM inbox), 0),
                   coalesce((SELECT max(id) FROM activities), 0),
                   EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence')
            """;
        EngineMetadata metadata;
        bool hasAutoincrementIds;
        using (var reader = read.ExecuteReader())
        {
            reader.Read();
            metadata = new EngineMetadata(Convert.FromBase64String(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            hasAutoincrementIds = reader.GetBoolean(4);
        }

        if (hasAutoincrementIds)
        {
            metadata = WithAutoincrementIds(connection, metadata);
        }

        _logger.LogInformation("Durable engine database ready at {DatabasePath}", FilePath);
        return metadata;
    }

    /// <summary>A version 1 file also remembers the ids of deleted rows (AUTOINCREMENT); ids continue above those.</summary>
    private static EngineMetadata WithAutoincrementIds(SqliteConnection connection, EngineMetadata metadata)
    {
        using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'inbox'), 0),
                   coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'activities'), 0)
            """;
        using var reader = read.ExecuteReader();
        reader.Read();
        return metadata with
        {
            HighestMessageId = Math.Max(metadata.HighestMessageId, reader.GetInt64(0)),
            HighestWorkItemId = Math.Max(metadata.HighestWorkItemId, reader.GetInt64(1)),
        };
    }
}
