using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

public sealed class ActivityTests(ITestOutputHelper output)
{
    private static void Tasks(WorkflowRegistry registry) => registry
        .AddActivity<Explode>()
        .AddActivity<Greet>()
        .AddActivity<SlowWork>()
        .AddOrchestrator<CatchFailure>()
        .AddOrchestrator<LetFailureEscape>()
        .AddOrchestrator<SlowFanOut>()
        .AddOrchestrator<BusyOrchestrator>()
        .AddOrchestrator<RaceActivityAgainstTimer>();

    [Fact]
    public async Task An_activity_exception_reaches_the_orchestrator_as_TaskFailedException_with_its_type()
    {
        using var database = new TempDatabase();
        await using var engine = await EngineHost.StartAsync(database, Tasks, s => s.AddSingleton(new Probe()), output: output);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(CatchFailure), nameof(Explode)));

        Assert.Equal("Explode|System.InvalidOperationException|boom: x", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_unregistered_activity_fails_the_call()
    {
        using var database = new TempDatabase();
        await using var engine = await EngineHost.StartAsync(database, Tasks, s => s.AddSingleton(new Probe()), output: output);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(CatchFailure), "NoSuchActivity"));

        Assert.Contains("No activity named 'NoSuchActivity'", result.ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unhandled_activity_failure_fails_the_orchestration_with_the_cause_inside()
    {
        using var database = new TempDatabase();
        await using var engine = await EngineHost.StartAsync(database, Tasks, s => s.AddSingleton(new Probe()), output: output);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(LetFailureEscape)));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Equal("System.InvalidOperationException", result.FailureDetails.InnerFailure!.ErrorType);
        Assert.Equal("boom: escaped", result.FailureDetails.InnerFailure.ErrorMessage);
        Assert.Contains("boom: escaped", result.ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_more_activities_run_at_once_than_MaxConcurrentActivities()
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        await using var engine = await EngineHost.StartAsync(
            database, Tasks, s => s.AddSingleton(probe), new Dictionary<string, string?> { ["Engine:MaxConcurrentActivities"] = "4" }, output);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(SlowFanOut), 24));

        Assert.Equal(Enumerable.Range(1, 24).Sum(), result.ReadOutputAs<int>());
        Assert.Equal(4, probe.MaxInFlight);
    }

    [Fact]
    public async Task No_more_orchestration_episodes_run_at_once_than_MaxConcurrentOrchestrations()
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        await using var engine = await EngineHost.StartAsync(
            database, Tasks, s => s.AddSingleton(probe), new Dictionary<string, string?> { ["Engine:MaxConcurrentOrchestrations"] = "2" }, output);

        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await engine.RunAsync(nameof(BusyOrchestrator)));
        }

        foreach (var id in ids)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.WaitAsync(id)).RuntimeStatus);
        }

        Assert.Equal(2, probe.MaxInFlight);
    }

    [Fact]
    public async Task WhenAny_picks_the_first_durable_task_and_a_cancelled_timer_does_not_hold_the_orchestration()
    {
        using var database = new TempDatabase();
        await using var engine = await EngineHost.StartAsync(database, Tasks, s => s.AddSingleton(new Probe()), output: output);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(RaceActivityAgainstTimer)));

        Assert.Equal("Hello, racer! (timer cancelled: True)", result.ReadOutputAs<string>());
    }
}
