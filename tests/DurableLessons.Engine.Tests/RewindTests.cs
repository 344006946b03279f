using DurableLessons.Engine.Client;
using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

/// <summary>Embedded only: the in-process Durable Task host cannot rewind (its sidecar has no RewindInstance).</summary>
public sealed class RewindTests(ITestOutputHelper output)
{
    private static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivity<Tally>()
        .AddActivity<Fragile>()
        .AddOrchestrator<RewindableFanOut>()
        .AddOrchestrator<RewindableWithRetries>()
        .AddOrchestrator<FragileChild>()
        .AddOrchestrator<ParentOfFragileChild>();

    [Theory]
    [InlineData("1024")]
    [InlineData("0")]
    public async Task Rewind_reruns_only_the_failed_activity_and_completes_the_instance(string cacheSize)
    {
        var probe = new Probe { Broken = true };
        await using var engine = await TestEngine.StartAsync(
            EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output, Settings = new Dictionary<string, string?> { ["Engine:MaxCachedOrchestrations"] = cacheSize } });

        var id = await engine.RunAsync(nameof(RewindableFanOut));
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await engine.WaitAsync(id)).RuntimeStatus);
        probe.Broken = false;

        await engine.Client.RewindInstanceAsync(id, "fixed");
        var result = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(10, result.ReadOutputAs<int>());
        Assert.Equal(1, probe.Executions("Tally:1"));
        Assert.Equal(1, probe.Executions("Tally:2"));
        Assert.Equal(2, probe.Executions("Fragile:3"));
        Assert.Equal(1, probe.Executions("Tally:4"));
        var history = (await engine.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(id, default))!;
        Assert.DoesNotContain(history, e => e.EventType == "TaskFailed");
        Assert.Contains(history, e => e.EventType == "ExecutionRewound");
    }

    [Fact]
    public async Task Rewind_after_exhausted_retries_runs_the_call_once_more_without_replaying_old_attempts()
    {
        var probe = new Probe { Broken = true };
        await using var engine = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output });

        var id = await engine.RunAsync(nameof(RewindableWithRetries));
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await engine.WaitAsync(id)).RuntimeStatus);
        Assert.Equal(2, probe.Executions("Fragile:5"));
        probe.Broken = false;

        await engine.Client.RewindInstanceAsync(id, "fixed");
        var result = await engine.WaitAsync(id);

        Assert.Equal(12, result.ReadOutputAs<int>());
        Assert.Equal(3, probe.Executions("Fragile:5"));
        Assert.Equal(1, probe.Executions("Tally:1"));
        Assert.Equal(1, probe.Executions("Tally:6"));
    }

    [Fact]
    public async Task Rewind_rewinds_a_failed_sub_orchestration_too()
    {
        var probe = new Probe { Broken = true };
        await using var engine = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output });

        var id = await engine.RunAsync(nameof(ParentOfFragileChild), instanceId: "family");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await engine.WaitAsync(id)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await engine.Client.GetInstanceAsync("family-child"))!.RuntimeStatus);
        probe.Broken = false;

        await engine.Client.RewindInstanceAsync(id, "fixed");
        var result = await engine.WaitAsync(id);

        Assert.Equal(33, result.ReadOutputAs<int>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.Client.GetInstanceAsync("family-child"))!.RuntimeStatus);
        Assert.Equal(1, probe.Executions("Tally:10"));
        Assert.Equal(1, probe.Executions("Tally:11"));
        Assert.Equal(2, probe.Executions("Fragile:12"));
    }

    [Fact]
    public async Task Only_failed_instances_can_be_rewound()
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output });
        var id = await engine.RunAsync(nameof(RewindableFanOut));
        await engine.WaitAsync(id);

        var error = await Assert.ThrowsAsync<OrchestrationStateException>(() => engine.Client.RewindInstanceAsync(id, "fixed"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, error.Status);
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => engine.Client.RewindInstanceAsync("unknown", "fixed"));
    }
}
