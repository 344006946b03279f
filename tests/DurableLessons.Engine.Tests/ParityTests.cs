using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;

namespace DurableLessons.Engine.Tests;

/// <summary>
/// What orchestrator code observes where the embedded engine and the Durable Task SDK could differ: cancellation of
/// durable waits, the order event waiters are served in, code that leaves the orchestrator's thread, retry callbacks,
/// and the JSON payloads are written in.
/// </summary>
public sealed class ParityTests(ITestOutputHelper output)
{
    private static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivity<Greet>()
        .AddActivity<Flaky>()
        .AddOrchestrator<CancelTimerAsynchronously>()
        .AddOrchestrator<CancelEventWaitAsynchronously>()
        .AddOrchestrator<CancelSynchronously>()
        .AddOrchestrator<TwoWaitersForOneEvent>()
        .AddOrchestrator<AwaitWithoutContext>()
        .AddOrchestrator<RecordHandledFailure>()
        .AddOrchestrator<RecordRetryContext>()
        .AddOrchestrator<EchoMood>()
        .AddOrchestrator<WaitAgainAfterCancelling>();

    private Task<TestEngine> StartAsync(EngineKind kind, Probe? probe = null, TimeSpan? waitTimeout = null) =>
        TestEngine.StartAsync(
            kind,
            Tasks,
            TestServices.With(probe ?? new Probe()),
            new() { Output = output, WaitTimeout = waitTimeout ?? new TestEngineOptions().WaitTimeout });

    /// <summary>
    /// CancelAsync runs the token's callbacks on the thread pool, and the orchestrator resumes there after its episode
    /// has ended. The embedded engine fails the run at once and says why; the Durable Task Framework never hears from
    /// the orchestrator again and the run stays Running for ever, which the harness reports as a hang naming the engine.
    /// </summary>
    [Theory]
    [BothEngines(nameof(CancelTimerAsynchronously))]
    [BothEngines(nameof(CancelEventWaitAsynchronously))]
    public async Task CancelAsync_on_a_durable_wait_never_leaves_a_run_hanging_unnoticed_on_the_embedded_engine(EngineKind kind, string orchestrator)
    {
        // Five seconds is enough for a run of one activity; on the real engine the wait is expected to run out.
        await using var engine = await StartAsync(kind, waitTimeout: TimeSpan.FromSeconds(5));

        var id = await engine.RunAsync(orchestrator);

        if (kind == EngineKind.Embedded)
        {
            var result = await engine.WaitAsync(id);
            Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
            Assert.Contains("CancellationTokenSource.CancelAsync", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
            Assert.Contains("Use Cancel()", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
            Assert.Null(result.SerializedCustomStatus);
        }
        else
        {
            var hang = await Assert.ThrowsAsync<TimeoutException>(() => engine.WaitAsync(id));
            Assert.Contains($"DurableTask engine: instance '{id}' did not finish", hang.Message, StringComparison.Ordinal);
            Assert.Contains("Running", hang.Message, StringComparison.Ordinal);
        }
    }

    [Theory, BothEngines]
    public async Task Cancel_on_the_orchestrator_thread_ends_a_timer_and_an_event_wait_at_once(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(CancelSynchronously)));

        Assert.Equal("timer cancelled, wait cancelled, then Hello, second!", result.ReadOutputAs<string>());
    }

    [Theory, BothEngines]
    public async Task The_newest_waiter_for_an_event_name_gets_the_next_event(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);
        var id = await engine.RunAsync(nameof(TwoWaitersForOneEvent));
        await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null, "both waits are open");

        await engine.Client.RaiseEventAsync(id, "e", "one");
        await engine.Client.RaiseEventAsync(id, "e", "two");

        Assert.Equal("newer got one, older got two", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    /// <summary>An event raised while the only wait for its name is cancelled is kept for the next wait.</summary>
    [Theory, BothEngines]
    public async Task An_event_for_a_cancelled_wait_waits_for_the_next_one(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);
        var id = await engine.RunAsync(nameof(WaitAgainAfterCancelling));
        Assert.Equal("cancelled", (await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null)).ReadCustomStatusAs<string>());

        await engine.Client.RaiseEventAsync(id, "late", "while cancelled");
        await engine.Client.RaiseEventAsync(id, "go", "go");
        await engine.Client.RaiseEventAsync(id, "late", "after the new wait");

        Assert.Equal("while cancelled", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    /// <summary>
    /// After ConfigureAwait(false) the continuation does not come back to the orchestration's scheduler: on the Durable
    /// Task Framework it is queued to the thread pool (a task completed under a custom scheduler is never inlined),
    /// runs after the episode has ended, and the run stays Running for ever. The embedded engine fails it and says why.
    /// </summary>
    [Theory, BothEngines]
    public async Task ConfigureAwait_false_fails_the_run_on_the_embedded_engine_and_hangs_it_on_the_framework(EngineKind kind)
    {
        await using var engine = await StartAsync(kind, waitTimeout: TimeSpan.FromSeconds(5));

        var id = await engine.RunAsync(nameof(AwaitWithoutContext));

        if (kind == EngineKind.Embedded)
        {
            var result = await engine.WaitAsync(id);
            Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
            Assert.Contains("ConfigureAwait(false)", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        }
        else
        {
            var hang = await Assert.ThrowsAsync<TimeoutException>(() => engine.WaitAsync(id));
            Assert.Contains($"DurableTask engine: instance '{id}' did not finish", hang.Message, StringComparison.Ordinal);
        }
    }

    [Theory, BothEngines]
    public async Task A_retry_policy_HandleFailure_sees_the_activity_failure(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await StartAsync(kind, probe);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(RecordHandledFailure), "handled"));

        Assert.Equal(
            "System.TimeoutException|attempt 1 of handled failed / System.TimeoutException|attempt 2 of handled failed -> System.TimeoutException",
            result.ReadOutputAs<string>());
        Assert.Equal(2, probe.Executions("handled"));
    }

    [Theory, BothEngines]
    public async Task A_retry_handler_sees_each_attempt_and_its_failure(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await StartAsync(kind, probe);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(RecordRetryContext), "custom"));

        Assert.Equal(
            "1:System.TimeoutException|attempt 1 of custom failed / 2:System.TimeoutException|attempt 2 of custom failed",
            result.ReadOutputAs<string>());
        Assert.Equal(2, probe.Executions("custom"));
    }

    [Theory, BothEngines]
    public async Task Inputs_outputs_and_custom_status_are_camelCase_JSON_with_enums_as_names(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(EchoMood), new MoodReport("Ada", Mood.Calm)));

        Assert.Equal("""{"personName":"Ada","mood":"Calm"}""", result.SerializedInput);
        Assert.Equal("""{"personName":"Ada","mood":"VeryHappy"}""", result.SerializedOutput);
        Assert.Equal("""{"personName":"Ada","mood":"Calm"}""", result.SerializedCustomStatus);
        Assert.Equal(new MoodReport("Ada", Mood.VeryHappy), result.ReadOutputAs<MoodReport>());
    }
}
