using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

/// <summary>
/// What the engine's SQLite file promises beyond its rows: a message id is never handed out twice while the engine
/// runs, change versions never go back, even across a restart, and a file written by the previous schema version
/// keeps working. Embedded only: the file is the embedded engine's.
/// </summary>
public sealed class DatabaseFileTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_message_queued_after_every_earlier_message_was_consumed_gets_an_id_never_used_before()
    {
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database);
        await engine.WaitAsync(await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 2)));
        Assert.Equal(0, Scalar(database, "SELECT count(*) FROM inbox"));

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GreetingChain), new Greeting("Bo", 1), new StartOrchestrationOptions("later", DateTimeOffset.UtcNow.AddHours(1)));

        // The first run queued three messages (its start and two activity results), all consumed and deleted: SQLite
        // alone would give the next row id 1 again, and an episode still holding a consumed id could delete the new one.
        var id = Scalar(database, "SELECT id FROM inbox WHERE instance_id = 'later'");
        Assert.True(id > 3, $"the scheduled start's message got id {id}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task Text_in_any_script_and_of_any_length_is_stored_as_written(int repeats)
    {
        // Instance ids are stored as given (inputs and outputs are JSON, which escapes all but ASCII): short ones are
        // bound from a stack buffer, and ids of 170 characters and more from a pooled one.
        var text = string.Concat(Enumerable.Repeat("Zoë 日本 😀 ", repeats));
        var instanceId = $"text-{text}";
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database);

        var done = await engine.WaitAsync(await engine.RunAsync(nameof(GreetingChain), new Greeting(text, 1), instanceId));

        Assert.Equal([$"Hello, {text}0!"], done.ReadOutputAs<List<string>>());
        var stored = await engine.Client.ListInstancesAsync(new OrchestrationQuery());
        Assert.Equal(instanceId, Assert.Single(stored).InstanceId);
    }

    [Fact]
    public async Task Change_versions_keep_rising_across_a_restart_after_the_newest_instance_was_purged()
    {
        using var database = new TempDatabase();
        long purgedVersion;
        await using (var engine = await StartAsync(database))
        {
            await engine.WaitAsync(await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 1), "watched"));
            purgedVersion = await ChangeFeed(engine).WaitForChangeAsync("watched", 0, CancellationToken.None);
            Assert.Equal(1, (await engine.Client.PurgeInstanceAsync("watched")).PurgedInstanceCount);
        }

        // A watcher that saw the purged run's last version must see the new run of the same id as a change.
        await using (var engine = await StartAsync(database))
        {
            await engine.RunAsync(nameof(GreetingChain), new Greeting("Bo", 1), "watched");
            var created = await ChangeFeed(engine).WaitForChangeAsync("watched", 0, CancellationToken.None);
            Assert.True(created > purgedVersion, $"the new run has version {created}, the purged one had {purgedVersion}");
        }
    }

    [Fact]
    public async Task A_version_1_file_keeps_working_and_its_ids_continue_above_those_of_deleted_rows()
    {
        using var database = new TempDatabase();
        CreateVersion1File(database.DatabasePath, highestMessageId: 1000, highestWorkItemId: 500);

        await using (var engine = await StartAsync(database))
        {
            var done = await engine.WaitAsync(await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 2)));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(["Hello, Ada0!", "Hello, Ada1!"], done.ReadOutputAs<List<string>>());
        }

        // Version 1 keeps AUTOINCREMENT, which records the highest id ever inserted: the run's three messages and two
        // work items came after the ids of the rows deleted before the upgrade.
        Assert.Equal(1003, Scalar(database, "SELECT seq FROM sqlite_sequence WHERE name = 'inbox'"));
        Assert.Equal(502, Scalar(database, "SELECT seq FROM sqlite_sequence WHERE name = 'activities'"));
        Assert.Equal(1, Scalar(database, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"));
    }

    private Task<TestEngine> StartAsync(TempDatabase database) => TestEngine.StartAsync(
        EngineKind.Embedded,
        registry => registry.AddActivity<Greet>().AddOrchestrator<GreetingChain>(),
        TestServices.With(new Probe()),
        new() { Output = output, DatabasePath = database.DatabasePath });

    private static IInstanceChangeFeed ChangeFeed(TestEngine engine) => engine.Services.GetRequiredService<IInstanceChangeFeed>();

    /// <summary>The tables whose layout version 1 had differently, with rows at the given ids inserted and deleted.</summary>
    private static void CreateVersion1File(string path, long highestMessageId, long highestWorkItemId)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO meta (key, value) VALUES ('schema_version', '1');
            CREATE TABLE inbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, execution_id TEXT, kind TEXT NOT NULL,
                task_id INTEGER, name TEXT, payload TEXT, failure TEXT, flags INTEGER NOT NULL, visible_at INTEGER NOT NULL,
                created_at INTEGER NOT NULL);
            CREATE TABLE activities (
                id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, execution_id TEXT NOT NULL,
                task_id INTEGER NOT NULL, name TEXT NOT NULL, input TEXT, created_at INTEGER NOT NULL);
            INSERT INTO inbox (id, instance_id, kind, flags, visible_at, created_at) VALUES ($message, 'gone', 'EventRaised', 0, 0, 0);
            INSERT INTO activities (id, instance_id, execution_id, task_id, name, created_at) VALUES ($item, 'gone', 'x', 0, 'Greet', 0);
            DELETE FROM inbox;
            DELETE FROM activities;
            """;
        command.Parameters.AddWithValue("$message", highestMessageId);
        command.Parameters.AddWithValue("$item", highestWorkItemId);
        command.ExecuteNonQuery();
    }

    private static long Scalar(TempDatabase database, string sql)
    {
        using var connection = Open(database.DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
