using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

public sealed class RetryTests(ITestOutputHelper output)
{
    private static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivity<Flaky>()
        .AddOrchestrator<RetryingCaller>()
        .AddOrchestrator<FlakyChild>()
        .AddOrchestrator<RetryingParent>();

    [Theory, BothEngines]
    public async Task A_failing_activity_is_retried_after_durable_back_off_timers_until_it_succeeds(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(kind, Tasks, TestServices.With(probe), new() { Output = output });

        var id = await engine.RunAsync(nameof(RetryingCaller), new RetryPlan(new Attempt("k", Failures: 2), MaxAttempts: 5, FirstRetryMs: 100));
        var result = await engine.WaitAsync(id);

        Assert.Equal("k succeeded on attempt 3", result.ReadOutputAs<string>());
        Assert.Equal(3, probe.Executions("k"));
        if (kind != EngineKind.Embedded)
        {
            return;
        }

        var history = (await engine.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(id, default))!;
        var failures = history.Where(e => e.EventType == "TaskFailed").ToList();
        var timers = history.Where(e => e.EventType == "TimerFired").ToList();
        Assert.Equal(2, failures.Count);
        Assert.Equal(2, timers.Count);
        // The back-off doubles: each timer fires at least its delay after the failure it follows.
        Assert.True(timers[0].ScheduledTime >= failures[0].Timestamp.AddMilliseconds(100));
        Assert.True(timers[1].ScheduledTime >= failures[1].Timestamp.AddMilliseconds(200));
    }

    [Theory, BothEngines]
    public async Task Retries_stop_after_the_last_attempt_and_the_failure_reaches_the_orchestrator(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(kind, Tasks, TestServices.With(probe), new() { Output = output });

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(RetryingCaller), new RetryPlan(new Attempt("k", 10), 3, 20)));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TimeoutException).FullName, result.FailureDetails!.InnerFailure!.ErrorType);
        Assert.Equal(3, probe.Executions("k"));
    }

    [Theory, BothEngines]
    public async Task HandleFailure_returning_false_stops_retrying(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(kind, Tasks, TestServices.With(probe), new() { Output = output });

        // Flaky throws TimeoutException: a policy for other failures gives up at once, one for timeouts keeps going.
        var otherFailures = new RetryPlan(new Attempt("other", 10), 5, 20, RetryOnlyErrorType: "System.ArgumentException");
        var timeouts = new RetryPlan(new Attempt("timeouts", 10), 5, 20, RetryOnlyErrorType: "System.TimeoutException");
        var notRetried = await engine.WaitAsync(await engine.RunAsync(nameof(RetryingCaller), otherFailures));
        var retried = await engine.WaitAsync(await engine.RunAsync(nameof(RetryingCaller), timeouts));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, notRetried.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, retried.RuntimeStatus);
        Assert.Equal(1, probe.Executions("other"));
        Assert.Equal(5, probe.Executions("timeouts"));
    }

    /// <summary>Every attempt runs under the same child instance id (the framework's retry reuses it), which ends Completed.</summary>
    [Theory, BothEngines]
    public async Task A_failing_sub_orchestration_is_retried(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(kind, Tasks, TestServices.With(probe), new() { Output = output });

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(RetryingParent), new Attempt("child", 2)));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("child succeeded on attempt 3", result.ReadOutputAs<string>());
        Assert.Equal(3, probe.Executions("child"));
        var child = Assert.Single(await engine.Client.ListInstancesAsync(new OrchestrationQuery()), instance => instance.Name == nameof(FlakyChild));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
    }

    /// <summary>Embedded only: the engine restarts on the same store.</summary>
    [Fact]
    public async Task A_restart_during_the_back_off_resumes_the_retry()
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        string id;
        await using (var first = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output, DatabasePath = database.DatabasePath }))
        {
            id = await first.RunAsync(nameof(RetryingCaller), new RetryPlan(new Attempt("k", 1), 3, 1500));
            var history = first.Services.GetRequiredService<IOrchestrationHistoryReader>();
            await Eventually.HoldsAsync(
                async () => (await history.GetHistoryAsync(id, default))!.Any(e => e.EventType == "TimerCreated"),
                "the back-off timer is journaled");
        }

        Assert.Equal(1, probe.Executions("k"));
        await using var second = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output, DatabasePath = database.DatabasePath });
        var result = await second.WaitAsync(id);

        Assert.Equal("k succeeded on attempt 2", result.ReadOutputAs<string>());
        Assert.Equal(2, probe.Executions("k"));
    }
}
