using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.Storage;

/// <summary>Values kept in the <c>meta</c> table, read once when the database is opened.</summary>
internal sealed record EngineMetadata(byte[] ContinuationTokenKey, long ChangeSequence);

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
        _initialization = new Lazy<Task<EngineMetadata>>(() => Task.Run(Initialize));
    }

    public string FilePath { get; }

    /// <summary>Creates the file and schema on first use; every entry point awaits this before touching the database.</summary>
    public Task<EngineMetadata> InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.Value.WaitAsync(cancellationToken);

    /// <summary>A connection for reads (pooled by <see cref="EngineReader"/>); in WAL mode readers never block the writer.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // The engine's statements step SQLite directly (Statement), so SQLite itself must wait out a lock
        // (a checkpoint, WAL recovery at start-up) the way Microsoft.Data.Sqlite's retry loop used to.
        // A small page cache (256 KiB): the writer commits every few milliseconds, and SQLite drops a WAL reader's
        // whole cache whenever the database changed since its last read, so a reader's cache rarely serves a second
        // read; at the default (2,000 KiB each) up to 16 pooled readers could hold ~30 MiB of native memory for
        // nothing (bench/README.md, "Memory with 1,000 lessons in flight, 2026-12-06").
        command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA cache_size=-256;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>A connection for the single writer.</summary>
    public SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_writeConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL + synchronous=NORMAL: a committed transaction is in the WAL file before COMMIT returns, so it survives
        // the process being killed at any moment (SIGKILL). Only a power loss or OS crash can lose the last commits,
        // the trade the engine makes for throughput (FULL would fsync on every commit).
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
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
            if (version is not null && version != SqliteSchema.Version.ToString(CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException(
                    $"The durable engine database '{FilePath}' has schema version {version}; this engine needs {SqliteSchema.Version}.");
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
                       coalesce((SELECT max(version) FROM instances), 0))
            """;
        using var reader = read.ExecuteReader();
        reader.Read();
        var metadata = new EngineMetadata(Convert.FromBase64String(reader.GetString(0)), reader.GetInt64(1));
        _logger.LogInformation("Durable engine database ready at {DatabasePath}", FilePath);
        return metadata;
    }
}
