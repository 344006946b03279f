using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;

namespace DurableLessons.Engine.Tests;

public sealed class ActivityTests(ITestOutputHelper output)
{
    private static Action<DurableTaskRegistry> Tasks(Probe probe) => registry => registry
        .AddActivity<Explode>()
        .AddActivity<Greet>()
        .AddActivity<SlowWork>()
        .AddActivity<Hold>()
        .AddOrchestrator<CatchFailure>()
        .AddOrchestrator<LetFailureEscape>()
        .AddOrchestrator<SlowFanOut>()
        .AddOrchestrator(nameof(BusyOrchestrator), () => new BusyOrchestrator(probe))
        .AddOrchestrator<RaceActivityAgainstTimer>()
        .AddOrchestrator<GiveUpOnHeldActivity>();

    private Task<TestEngine> StartAsync(EngineKind kind, Probe probe, Dictionary<string, string?>? settings = null) =>
        TestEngine.StartAsync(kind, Tasks(probe), TestServices.With(probe), new() { Output = output, Settings = settings ?? [] });

    [Theory, BothEngines]
    public async Task An_activity_exception_reaches_the_orchestrator_as_TaskFailedException_with_its_type(EngineKind kind)
    {
        await using var engine = await StartAsync(kind, new Probe());

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(CatchFailure), nameof(Explode)));

        Assert.Equal("Explode|System.InvalidOperationException|boom: x", result.ReadOutputAs<string>());
    }

    [Theory, BothEngines]
    public async Task An_unregistered_activity_fails_the_call(EngineKind kind)
    {
        await using var engine = await StartAsync(kind, new Probe());

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(CatchFailure), "NoSuchActivity"));

        Assert.Equal("NoSuchActivity|ActivityTaskNotFound|No activity task named 'NoSuchActivity' was found.", result.ReadOutputAs<string>());
    }

    [Theory, BothEngines]
    public async Task An_unhandled_activity_failure_fails_the_orchestration_with_the_cause_inside(EngineKind kind)
    {
        await using var engine = await StartAsync(kind, new Probe());

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(LetFailureEscape)));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Equal("System.InvalidOperationException", result.FailureDetails.InnerFailure!.ErrorType);
        Assert.Equal("boom: escaped", result.FailureDetails.InnerFailure.ErrorMessage);
        Assert.Contains("boom: escaped", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>Embedded only: Engine:MaxConcurrentActivities is the embedded engine's setting.</summary>
    [Fact]
    public async Task No_more_activities_run_at_once_than_MaxConcurrentActivities()
    {
        var probe = new Probe();
        await using var engine = await StartAsync(EngineKind.Embedded, probe, new() { ["Engine:MaxConcurrentActivities"] = "4" });

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(SlowFanOut), 24));

        Assert.Equal(Enumerable.Range(1, 24).Sum(), result.ReadOutputAs<int>());
        Assert.Equal(4, probe.MaxInFlight);
    }

    /// <summary>Embedded only: Engine:MaxConcurrentOrchestrations is the embedded engine's setting.</summary>
    [Fact]
    public async Task No_more_orchestration_episodes_run_at_once_than_MaxConcurrentOrchestrations()
    {
        var probe = new Probe();
        await using var engine = await StartAsync(EngineKind.Embedded, probe, new() { ["Engine:MaxConcurrentOrchestrations"] = "2" });

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

    [Theory, BothEngines]
    public async Task WhenAny_picks_the_first_durable_task_and_a_cancelled_timer_does_not_hold_the_orchestration(EngineKind kind)
    {
        await using var engine = await StartAsync(kind, new Probe());

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(RaceActivityAgainstTimer)));

        Assert.Equal("Hello, racer! (timer cancelled: True)", result.ReadOutputAs<string>());
    }

    /// <summary>
    /// The Durable Task Framework completes an orchestration only once no activity, sub-orchestration or uncancelled
    /// timer it started is still open: code that returns earlier leaves the instance Running until they end.
    /// </summary>
    [Theory, BothEngines]
    public async Task An_orchestrator_that_returns_while_an_activity_is_open_ends_when_the_activity_does(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await StartAsync(kind, probe);
        var id = await engine.RunAsync(nameof(GiveUpOnHeldActivity));

        var gaveUp = await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null, "give up on the activity");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var meanwhile = await engine.Client.GetInstanceAsync(id);
        probe.Gate.Release();
        var result = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, gaveUp.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, meanwhile!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("gave up", result.ReadOutputAs<string>());
        Assert.Equal(1, probe.Executions("Hold"));
    }
}
