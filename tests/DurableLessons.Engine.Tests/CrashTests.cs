using System.Text.Json;
using DurableLessons.Engine.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

/// <summary>
/// Runs the engine in a child process (tests/DurableLessons.Engine.CrashHost), kills it with SIGKILL at random
/// moments and starts it again, then checks that nothing was lost or repeated. Embedded only: the journal on disk.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Instances = 16;
    private const int Kills = 4;
    private const int FanOut = 6;
    private const int Chain = 5;

    [Fact]
    public async Task Killing_the_engine_at_random_moments_loses_nothing_and_reruns_no_journaled_activity()
    {
        using var database = new TempDatabase();
        var effectsPath = Path.Combine(database.Directory, "effects.db");
        var seed = Environment.TickCount;
        output.WriteLine($"Random seed: {seed}");
        var random = new Random(seed);

        for (var run = 1; run <= Kills + 1; run++)
        {
            using var child = ChildProcess.StartCrashHost(output, database.DatabasePath, effectsPath, $"{Instances}", $"{run}");
            await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            if (run <= Kills)
            {
                // The first kill comes early so that, even on a fast machine, it lands before all work is done.
                await Task.Delay(run == 1 ? random.Next(20, 150) : random.Next(50, 700));
                await child.KillAsync();
                output.WriteLine($"Killed run {run}");
            }
            else
            {
                Assert.Equal(0, await child.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            }
        }

        await using var engine = await TestEngine.StartAsync(EngineKind.Embedded, _ => { }, options: new() { DatabasePath = database.DatabasePath, Start = false });
        var history = engine.Services.GetRequiredService<IOrchestrationHistoryReader>();
        var executions = ReadExecutions(effectsPath);
        var effects = ReadEffects(effectsPath);

        for (var i = 0; i < Instances; i++)
        {
            var id = $"crash-{i:D2}";
            var instance = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
            Assert.Equal(Expected(i * 10), instance.ReadOutputAs<int>());

            var journaled = (await history.GetHistoryAsync(id, default))!
                .Where(e => e.EventType == "TaskCompleted")
                .Select(e => JsonSerializer.Deserialize<JsonElement>(e.Result!))
                .ToDictionary(r => r.GetProperty("step").GetString()!, r => (Value: r.GetProperty("value").GetInt32(), Run: r.GetProperty("run").GetInt32()));
            Assert.Equal(FanOut + Chain, journaled.Count);

            foreach (var (step, result) in journaled)
            {
                Assert.Equal(result.Value, effects[(id, step)]);
                var runs = executions.Where(e => e.InstanceId == id && e.Step == step).Select(e => e.Run).ToList();
                Assert.Contains(result.Run, runs);
                // A restart never re-ran an activity whose result had been journaled in an earlier run.
                Assert.All(runs, r => Assert.True(r <= result.Run, $"{id}/{step} ran in run {r} after its result was journaled in run {result.Run}"));
            }
        }

        Assert.Equal(Instances * (FanOut + Chain), effects.Count);
        // The kills did interrupt work: activities ran in more than one process run.
        Assert.True(executions.Select(e => e.Run).Distinct().Count() > 1);
    }

    /// <summary>The crash orchestration's result, computed independently of the host's code.</summary>
    private static int Expected(int input)
    {
        static int Step(int value) => (value * 2) + 1;
        var total = Enumerable.Range(0, FanOut).Sum(i => Step(input + i));
        for (var k = 0; k < Chain; k++)
        {
            total += Step(total % 97);
        }

        return total;
    }

    private static List<(string InstanceId, string Step, int Run)> ReadExecutions(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT instance_id, step, run FROM executions";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, int)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }

    private static Dictionary<(string InstanceId, string Step), int> ReadEffects(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT instance_id, step, value FROM effects";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<(string, string), int>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)), reader.GetInt32(2));
        }

        return rows;
    }
}
