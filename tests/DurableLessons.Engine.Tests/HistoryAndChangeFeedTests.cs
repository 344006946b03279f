using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

/// <summary>Embedded only: the history reader and the change feed are the embedded engine's own services.</summary>
public sealed class HistoryAndChangeFeedTests(ITestOutputHelper output)
{
    private static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivity<Greet>()
        .AddOrchestrator<GreetingChain>()
        .AddOrchestrator<Approval>()
        .AddOrchestrator<LetFailureEscape>()
        .AddActivity<Explode>();

    [Fact]
    public async Task The_history_reads_like_Durable_history()
    {
        await using var engine = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(new Probe()), new() { Output = output });
        var reader = engine.Services.GetRequiredService<IOrchestrationHistoryReader>();

        var id = await engine.RunAsync(nameof(GreetingChain), new Greeting("H", 2));
        await engine.WaitAsync(id);
        var history = (await reader.GetHistoryAsync(id, default))!;

        Assert.Equal(["ExecutionStarted", "TaskCompleted", "TaskCompleted", "ExecutionCompleted"], history.Select(e => e.EventType));
        Assert.Equal(nameof(GreetingChain), history[0].Name);
        Assert.Equal("{\"name\":\"H\",\"times\":2}", history[0].Input);
        Assert.Equal("Greet", history[1].Name);
        Assert.Equal("Activity", history[1].FunctionType);
        Assert.Equal("\"Hello, H0!\"", history[1].Result);
        Assert.True(history[1].ScheduledTime <= history[1].Timestamp);
        Assert.Equal("[\"Hello, H0!\",\"Hello, H1!\"]", history[3].Result);
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.Timestamp <= pair.Second.Timestamp));
        Assert.Null(await reader.GetHistoryAsync("unknown", default));

        var failed = await engine.RunAsync(nameof(LetFailureEscape));
        await engine.WaitAsync(failed);
        var failure = (await reader.GetHistoryAsync(failed, default))!.Single(e => e.EventType == "TaskFailed");
        Assert.Contains("boom: escaped", failure.FailureDetails, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_feed_wakes_waiters_when_an_instance_is_created_and_when_it_changes()
    {
        await using var engine = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(new Probe()), new() { Output = output });
        var feed = engine.Services.GetRequiredService<IInstanceChangeFeed>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var creation = feed.WaitForChangeAsync("watched", 0, timeout.Token);
        Assert.False(creation.IsCompleted);
        await engine.RunAsync(nameof(Approval), instanceId: "watched");
        var created = await creation;
        Assert.True(created > 0);

        var waiting = await engine.WaitUntilAsync("watched", m => m.SerializedCustomStatus is not null);
        var current = await feed.WaitForChangeAsync("watched", 0, timeout.Token);
        var next = feed.WaitForChangeAsync("watched", current, timeout.Token);
        Assert.False(next.IsCompleted);
        await engine.Client.RaiseEventAsync("watched", "approve", "ok");

        Assert.True(await next > current);
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal("approved: ok", (await engine.WaitAsync("watched")).ReadOutputAs<string>());
        var again = await feed.WaitForChangeAsync("watched", 0, timeout.Token);
        Assert.True(again > current);
    }
}
