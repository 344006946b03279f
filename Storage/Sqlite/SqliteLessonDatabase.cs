using DurableLessons.Storage.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Sqlite;

/// <summary>
/// The file <c>{DataDirectory}/lessons.db</c> in WAL mode: opens connections and creates the schema on first use.
/// (storage_id, minor) is the primary key and run_id is unique, so even a bug in version assignment cannot store
/// two versions with one number or two versions for one run.
/// <para>
/// Writers take turns through <see cref="OpenForWriteAsync"/>: they queue asynchronously instead of sleeping on
/// thread-pool threads in SQLite's busy handler (Microsoft.Data.Sqlite's async calls run synchronously), which under
/// load starved the pool and left the host unresponsive. Commits use <c>synchronous=NORMAL</c>, as the engine's
/// journal does: in WAL mode a power loss may drop the last commits but never corrupts the file, and a crash of the
/// process loses nothing.
/// </para>
/// </summary>
internal sealed class SqliteLessonDatabase : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS lesson_versions (
            storage_id TEXT NOT NULL,
            minor INTEGER NOT NULL,
            subject TEXT NOT NULL,
            topic TEXT NOT NULL,
            level TEXT NOT NULL,
            run_id TEXT NOT NULL,
            created_at_ticks INTEGER NOT NULL,
            title TEXT NOT NULL,
            generator TEXT NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (storage_id, minor),
            UNIQUE (run_id)
        );
        CREATE TABLE IF NOT EXISTS artifacts (
            key TEXT NOT NULL PRIMARY KEY,
            content TEXT NOT NULL,
            updated_at_ticks INTEGER NOT NULL
        );
        """;

    private readonly string connectionString;
    private readonly ILogger<SqliteLessonDatabase> logger;
    private readonly SemaphoreSlim initialization = new(1, 1);
    private readonly SemaphoreSlim writeTurn = new(1, 1);
    private volatile bool initialized;

    public SqliteLessonDatabase(IOptions<SqliteStorageOptions> options, ILogger<SqliteLessonDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), SqliteStorageOptions.DatabaseFileName);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        this.logger = logger;
    }

    public string FilePath { get; }

    /// <summary>An open connection; busy waits (another writer's transaction) are retried for up to 30 s.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>An open connection holding the single write turn until disposed; readers are not blocked by it (WAL).</summary>
    public async Task<SqliteWriteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            return new SqliteWriteConnection(await OpenAsync(cancellationToken), writeTurn);
        }
        catch
        {
            writeTurn.Release();
            throw;
        }
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        initialization.Dispose();
        writeTurn.Dispose();
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var synchronous = connection.CreateCommand())
            {
                synchronous.CommandText = "PRAGMA synchronous = NORMAL;";
                await synchronous.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await initialization.WaitAsync(cancellationToken);
        try
        {
            if (initialized)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var schema = connection.CreateCommand())
            {
                schema.CommandText = Schema;
                await schema.ExecuteNonQueryAsync(cancellationToken);
            }

            initialized = true;
            logger.LogInformation("Lesson storage opened at {DatabasePath}", FilePath);
        }
        finally
        {
            initialization.Release();
        }
    }
}
