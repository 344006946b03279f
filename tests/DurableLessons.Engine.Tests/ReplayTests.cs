using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

public sealed class ReplayTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> NoCache = new() { ["Engine:MaxCachedOrchestrations"] = "0" };

    /// <summary>The embedded engine runs without its cache here, so that it replays every episode as the framework does.</summary>
    [Theory, BothEngines]
    public async Task Replays_see_the_same_time_and_guids_and_know_they_are_replaying(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(
            kind,
            r => r.AddActivity<Greet>().AddOrchestrator(nameof(ReplayObserver), () => new ReplayObserver(probe)),
            TestServices.With(probe),
            new() { Output = output, Settings = NoCache });

        var first = await engine.WaitAsync(await engine.RunAsync(nameof(ReplayObserver)));
        var second = await engine.WaitAsync(await engine.RunAsync(nameof(ReplayObserver)));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, first.RuntimeStatus);
        var notes = probe.Notes.Select(n => n.Split('|')).Where(n => n[0] == first.InstanceId).ToList();
        foreach (var step in new[] { "a", "b", "c" })
        {
            var runs = notes.Where(n => n[1] == step).ToList();
            // Step a runs in all three episodes (live once, then replayed), b in two, c once.
            Assert.Equal(step switch { "a" => 3, "b" => 2, _ => 1 }, runs.Count);
            Assert.Equal("False", runs[0][2]);
            Assert.All(runs.Skip(1), run => Assert.Equal("True", run[2]));
            Assert.Single(runs.Select(run => run[3]).Distinct());
            Assert.Single(runs.Select(run => run[4]).Distinct());
        }

        var guids = first.ReadOutputAs<List<Guid>>()!;
        Assert.Equal(3, guids.Distinct().Count());
        Assert.Empty(guids.Intersect(second.ReadOutputAs<List<Guid>>()!));
    }

    /// <summary>Embedded only: the code changes between two runs of an engine on the same store.</summary>
    [Fact]
    public async Task A_changed_orchestrator_fails_the_instance_naming_the_recorded_and_the_new_call()
    {
        using var database = new TempDatabase();
        await using (var v1 = await TestEngine.StartAsync(
            EngineKind.Embedded, r => r.AddActivity<Greet>().AddOrchestrator<VersionedV1>(), TestServices.With(new Probe()), new() { Output = output, DatabasePath = database.DatabasePath }))
        {
            await v1.RunAsync("Versioned", instanceId: "versioned");
            await v1.WaitUntilAsync("versioned", m => m.ReadCustomStatusAs<string>() == "waiting");
        }

        await using var v2 = await TestEngine.StartAsync(
            EngineKind.Embedded, r => r.AddActivity<Square>().AddOrchestrator<VersionedV2>(), TestServices.With(new Probe()), new() { Output = output, DatabasePath = database.DatabasePath });
        await v2.Client.RaiseEventAsync("versioned", "go", "now");
        var result = await v2.WaitAsync("versioned");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(Runtime.NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("activity 'Greet'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'Square'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>Embedded only: the code changes between two runs of an engine on the same store.</summary>
    [Fact]
    public async Task A_recorded_call_the_new_code_no_longer_makes_is_detected_too()
    {
        using var database = new TempDatabase();
        await using (var v1 = await TestEngine.StartAsync(
            EngineKind.Embedded, r => r.AddActivity<Greet>().AddOrchestrator<VersionedV1>(), TestServices.With(new Probe()), new() { Output = output, DatabasePath = database.DatabasePath }))
        {
            await v1.RunAsync("Versioned", instanceId: "versioned");
            await v1.WaitUntilAsync("versioned", m => m.ReadCustomStatusAs<string>() == "waiting");
        }

        await using var v3 = await TestEngine.StartAsync(
            EngineKind.Embedded, r => r.AddActivity<Greet>().AddOrchestrator<VersionedV3>(), TestServices.With(new Probe()), new() { Output = output, DatabasePath = database.DatabasePath });
        await v3.Client.RaiseEventAsync("versioned", "go", "now");
        var result = await v3.WaitAsync("versioned");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("wait for external event 'go'", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }
}
