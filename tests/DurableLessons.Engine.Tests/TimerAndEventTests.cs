using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

public sealed class TimerAndEventTests(ITestOutputHelper output)
{
    private static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivity<Hold>()
        .AddActivity<Greet>()
        .AddOrchestrator<Sleeper>()
        .AddOrchestrator<Approval>()
        .AddOrchestrator<CollectAfterHold>()
        .AddOrchestrator<WaitWithTimeout>()
        .AddOrchestrator<CancelEventWait>();

    /// <summary>Embedded only: the engine restarts on the same store.</summary>
    [Fact]
    public async Task A_durable_timer_fires_after_the_engine_restarts()
    {
        using var database = new TempDatabase();
        string id;
        await using (var first = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(new Probe()), new() { Output = output, DatabasePath = database.DatabasePath }))
        {
            id = await first.RunAsync(nameof(Sleeper), 1500);
            await first.WaitUntilAsync(id, m => m.ReadCustomStatusAs<string>() == "sleeping");
        }

        await using var second = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(new Probe()), new() { Output = output, DatabasePath = database.DatabasePath });
        var result = await second.WaitAsync(id);

        Assert.Equal("woke after the delay", result.ReadOutputAs<string>());
        var history = (await second.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(id, default))!;
        Assert.Contains(history, e => e.EventType == "TimerFired");
    }

    /// <summary>Embedded only: the engine restarts on the same store.</summary>
    [Fact]
    public async Task An_event_raised_while_the_engine_is_down_is_delivered_after_it_starts()
    {
        using var database = new TempDatabase();
        await using (var first = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(new Probe()), new() { Output = output, DatabasePath = database.DatabasePath }))
        {
            await first.RunAsync(nameof(Approval), instanceId: "approval");
            await first.WaitUntilAsync("approval", m => m.ReadCustomStatusAs<string>() == "waiting");
        }

        await using var second = await TestEngine.StartAsync(
            EngineKind.Embedded, Tasks, TestServices.With(new Probe()), new() { Output = output, DatabasePath = database.DatabasePath, Start = false });
        await second.Client.RaiseEventAsync("approval", "approve", "yes");
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await second.Client.GetInstanceAsync("approval"))!.RuntimeStatus);
        await second.StartAsync();

        Assert.Equal("approved: yes", (await second.WaitAsync("approval")).ReadOutputAs<string>());
    }

    [Theory, BothEngines]
    public async Task Events_raised_before_the_wait_are_buffered_and_delivered_in_order(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(kind, Tasks, TestServices.With(probe), new() { Output = output });

        var id = await engine.RunAsync(nameof(CollectAfterHold));
        await engine.WaitForAsync(probe.Started.Task, "the held activity started");
        foreach (var item in new[] { 3, 1, 2 })
        {
            await engine.Client.RaiseEventAsync(id, "ITEM", item);
        }

        probe.Gate.Release();

        Assert.Equal([3, 1, 2], (await engine.WaitAsync(id)).ReadOutputAs<List<int>>());
    }

    [Theory, BothEngines]
    public async Task A_wait_with_a_timeout_times_out_or_returns_the_event(EngineKind kind)
    {
        await using var engine = await TestEngine.StartAsync(kind, Tasks, TestServices.With(new Probe()), new() { Output = output });

        var timesOut = await engine.RunAsync(nameof(WaitWithTimeout), 200);
        var answered = await engine.RunAsync(nameof(WaitWithTimeout), 60_000);
        await engine.Client.RaiseEventAsync(answered, "answer", "42");

        Assert.Equal("timed out", (await engine.WaitAsync(timesOut)).ReadOutputAs<string>());
        Assert.Equal("42", (await engine.WaitAsync(answered)).ReadOutputAs<string>());
    }

    [Theory, BothEngines]
    public async Task A_cancelled_event_wait_completes_as_cancelled_and_does_not_swallow_the_next_event(EngineKind kind)
    {
        await using var engine = await TestEngine.StartAsync(kind, Tasks, TestServices.With(new Probe()), new() { Output = output });

        var id = await engine.RunAsync(nameof(CancelEventWait));
        await engine.WaitUntilAsync(id, m => m.ReadCustomStatusAs<string>() == "cancelled", "the activity won the race");
        await engine.Client.RaiseEventAsync(id, "late", "the late event");

        Assert.Equal("cancelled, then the late event", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }
}
