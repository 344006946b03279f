using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.Tests;

/// <summary>
/// The writer's COMMIT no longer copies the WAL into the database file (that stalled every start queued behind it);
/// a checkpointer of its own does, while the engine runs, so the WAL does not grow for the life of the process and
/// the data reaches the database file. Embedded only: the SQLite file is the embedded engine's.
/// </summary>
public sealed class WalCheckpointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Committed_work_reaches_the_database_file_while_the_engine_runs()
    {
        await using var engine = await TestEngine.StartAsync(
            EngineKind.Embedded,
            registry => registry.AddActivity<Greet>().AddOrchestrator<GreetingChain>(),
            TestServices.With(new Probe()),
            new() { Output = output });
        var database = new FileInfo(engine.Services.GetRequiredService<IOptions<EngineOptions>>().Value.DatabasePath!);
        var emptySize = database.Length;

        var name = new string('a', 4096);
        var instances = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => engine.RunAsync(nameof(GreetingChain), new Greeting($"{name}{i}", 1))));
        foreach (var instanceId in instances)
        {
            await engine.WaitAsync(instanceId);
        }

        // 100 inputs of 4 KiB, journaled more than once each: far more than an empty schema, and all of it only in
        // the WAL unless something checkpoints while the engine is running.
        await Eventually.HoldsAsync(
            () => Task.FromResult(Grown(database, emptySize, 400 * 1024)),
            $"the database file grew by 400 KiB from {emptySize} bytes");
    }

    private static bool Grown(FileInfo database, long emptySize, long by)
    {
        database.Refresh();
        return database.Length >= emptySize + by;
    }
}
