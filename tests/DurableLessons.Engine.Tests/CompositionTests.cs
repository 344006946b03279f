using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

public sealed class CompositionTests(ITestOutputHelper output)
{
    private static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivity<Greet>()
        .AddActivity<Hold>()
        .AddOrchestrator<ChildGreeter>()
        .AddOrchestrator<ParentOfGreeter>()
        .AddOrchestrator<FailingChild>()
        .AddOrchestrator<ParentOfFailingChild>()
        .AddOrchestrator<Pinger>()
        .AddOrchestrator<PingReceiver>()
        .AddOrchestrator<Counter>()
        .AddOrchestrator<CarryEvents>()
        .AddOrchestrator<StatusReporter>()
        .AddOrchestrator<Approval>()
        .AddOrchestrator<ParentOfWaitingChild>()
        .AddOrchestrator<CallsUnknownChild>();

    private Task<TestEngine> StartAsync(EngineKind kind, Probe? probe = null, Dictionary<string, string?>? settings = null) =>
        TestEngine.StartAsync(kind, Tasks, TestServices.With(probe ?? new Probe()), new() { Output = output, Settings = settings ?? [] });

    [Theory, BothEngines]
    public async Task A_sub_orchestration_runs_under_its_given_id_knows_its_parent_and_returns_its_result(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(ParentOfGreeter), "Bo", instanceId: "parent"));

        Assert.Equal("ParentOfGreeter/parent -> parent-child: Hello, Bo!", result.ReadOutputAs<string>());
        var child = await engine.Client.GetInstanceAsync("parent-child");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal(nameof(ChildGreeter), child.Name);
    }

    [Theory, BothEngines]
    public async Task A_failed_sub_orchestration_surfaces_as_TaskFailedException_in_the_parent(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(ParentOfFailingChild)));

        Assert.Equal("FailingChild: System.ArgumentException: the child does not like its input", result.ReadOutputAs<string>());
    }

    [Theory, BothEngines]
    public async Task SendEvent_delivers_an_event_to_another_instance(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        await engine.RunAsync(nameof(PingReceiver), instanceId: "receiver");
        await engine.WaitUntilAsync("receiver", m => m.ReadCustomStatusAs<string>() == "listening");
        await engine.WaitAsync(await engine.RunAsync(nameof(Pinger), new Ping("receiver", "hi there")));

        Assert.Equal("hi there", (await engine.WaitAsync("receiver")).ReadOutputAs<string>());
    }

    [Theory, BothEngines]
    public async Task ContinueAsNew_starts_a_new_execution_with_a_fresh_journal(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await StartAsync(kind, probe);

        var id = await engine.RunAsync(nameof(Counter), 0);
        var result = await engine.WaitAsync(id);

        Assert.Equal(5, result.ReadOutputAs<int>());
        Assert.Equal("5", result.SerializedInput);
        Assert.Equal(1, probe.Executions("Greet:count0"));
        Assert.Equal(1, probe.Executions("Greet:count5"));
        if (kind != EngineKind.Embedded)
        {
            return;
        }

        var history = (await engine.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(id, default))!;
        Assert.Equal(["ContinueAsNew", "ExecutionStarted", "TaskCompleted", "ExecutionCompleted"], history.Select(e => e.EventType));
        Assert.Equal("Greet", history[2].Name);
    }

    /// <summary>
    /// Embedded only: the in-process Durable Task host delivers the held event to the next generation when it is not
    /// asked to and loses it when it is (ContinueAsNew with carry-over in its executor plus the SDK's forwarding), which
    /// is that host's own handling, not a rule to copy.
    /// </summary>
    [Theory]
    [InlineData(true, "[\"a\",\"b\"]")]
    [InlineData(false, null)]
    public async Task ContinueAsNew_carries_unprocessed_events_only_when_asked(bool preserve, string? expected)
    {
        var probe = new Probe();
        await using var engine = await StartAsync(EngineKind.Embedded, probe);

        var id = await engine.RunAsync(nameof(CarryEvents), new Collected([], preserve));
        await engine.WaitForAsync(probe.Started.Task, "the held activity started");
        await engine.Client.RaiseEventAsync(id, "e", "a");
        await engine.Client.RaiseEventAsync(id, "e", "b");
        probe.Gate.Release();
        await engine.WaitUntilAsync(id, m => m.ReadCustomStatusAs<string>() == "second generation" || m.IsCompleted);

        if (expected is null)
        {
            // Nothing was carried: the second generation is still waiting; a new event completes it.
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
            await engine.Client.RaiseEventAsync(id, "e", "c");
            expected = "[\"a\",\"c\"]";
        }

        Assert.Equal(expected, (await engine.WaitAsync(id)).SerializedOutput);
    }

    [Theory, BothEngines]
    public async Task Custom_status_is_readable_with_inputs_and_outputs_and_follows_the_orchestration(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        var id = await engine.RunAsync(nameof(StatusReporter), 3);
        var first = await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);
        Assert.Equal("{\"step\":1,\"note\":\"xxx\"}", first.SerializedCustomStatus);
        Assert.Null((await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: false))!.SerializedCustomStatus);

        await engine.Client.RaiseEventAsync(id, "next");
        var second = await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus == "{\"step\":2}");
        Assert.Equal(OrchestrationRuntimeStatus.Running, second.RuntimeStatus);
    }

    /// <summary>Embedded only: Engine:MaxCustomStatusBytes is the embedded engine's setting.</summary>
    [Fact]
    public async Task A_custom_status_over_the_limit_fails_the_orchestration()
    {
        await using var engine = await StartAsync(EngineKind.Embedded, settings: new() { ["Engine:MaxCustomStatusBytes"] = "1024" });

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(StatusReporter), 2000));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("custom status", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("1024 bytes", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory, BothEngines]
    public async Task A_sub_orchestrator_that_is_not_registered_fails_the_call(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(CallsUnknownChild)));

        Assert.Equal("No orchestrator task named 'NoSuchChild' was found.", result.ReadOutputAs<string>());
    }

    /// <summary>The in-process Durable Task host does not terminate recursively: that case runs on the embedded engine only.</summary>
    [Theory]
    [InlineData(EngineKind.Embedded, true, OrchestrationRuntimeStatus.Terminated)]
    [BothEngines(false, OrchestrationRuntimeStatus.Running)]
    public async Task Terminating_a_parent_recursively_terminates_its_running_children(EngineKind kind, bool recursive, OrchestrationRuntimeStatus childStatus)
    {
        await using var engine = await StartAsync(kind);
        await engine.RunAsync(nameof(ParentOfWaitingChild), instanceId: "family");
        await engine.WaitUntilAsync("family-child", m => m.SerializedCustomStatus is not null);

        await engine.Client.TerminateInstanceAsync("family", new TerminateInstanceOptions("enough", Recursive: recursive));

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await engine.WaitAsync("family")).RuntimeStatus);
        if (recursive)
        {
            Assert.Equal("enough", (await engine.WaitAsync("family-child")).ReadOutputAs<string>());
        }

        Assert.Equal(childStatus, (await engine.Client.GetInstanceAsync("family-child"))!.RuntimeStatus);
    }
}
