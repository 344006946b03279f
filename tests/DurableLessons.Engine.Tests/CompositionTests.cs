using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

public sealed class CompositionTests(ITestOutputHelper output)
{
    private static void Tasks(WorkflowRegistry registry) => registry
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

    private static Task<EngineHost> StartAsync(TempDatabase database, ITestOutputHelper output, Probe? probe = null, Dictionary<string, string?>? settings = null) =>
        EngineHost.StartAsync(database, Tasks, s => s.AddSingleton(probe ?? new Probe()), settings, output);

    [Fact]
    public async Task A_sub_orchestration_runs_under_its_given_id_knows_its_parent_and_returns_its_result()
    {
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database, output);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(ParentOfGreeter), "Bo", instanceId: "parent"));

        Assert.Equal("ParentOfGreeter/parent -> parent-child: Hello, Bo!", result.ReadOutputAs<string>());
        var child = await engine.Client.GetInstanceAsync("parent-child");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal(nameof(ChildGreeter), child.Name);
    }

    [Fact]
    public async Task A_failed_sub_orchestration_surfaces_as_TaskFailedException_in_the_parent()
    {
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database, output);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(ParentOfFailingChild)));

        Assert.Equal("FailingChild: System.ArgumentException: the child does not like its input", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SendEvent_delivers_an_event_to_another_instance()
    {
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database, output);

        await engine.RunAsync(nameof(PingReceiver), instanceId: "receiver");
        await engine.WaitUntilAsync("receiver", m => m.ReadCustomStatusAs<string>() == "listening");
        await engine.WaitAsync(await engine.RunAsync(nameof(Pinger), new Ping("receiver", "hi there")));

        Assert.Equal("hi there", (await engine.WaitAsync("receiver")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_starts_a_new_execution_with_a_fresh_journal()
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        await using var engine = await StartAsync(database, output, probe);

        var id = await engine.RunAsync(nameof(Counter), 0);
        var result = await engine.WaitAsync(id);

        Assert.Equal(5, result.ReadOutputAs<int>());
        Assert.Equal("5", result.SerializedInput);
        Assert.Equal(1, probe.Executions("Greet:count0"));
        Assert.Equal(1, probe.Executions("Greet:count5"));
        var history = (await engine.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(id, default))!;
        Assert.Equal(["ContinueAsNew", "ExecutionStarted", "TaskCompleted", "ExecutionCompleted"], history.Select(e => e.EventType));
        Assert.Equal("Greet", history[2].Name);
    }

    [Theory]
    [InlineData(true, "[\"a\",\"b\"]")]
    [InlineData(false, null)]
    public async Task ContinueAsNew_carries_unprocessed_events_only_when_asked(bool preserve, string? expected)
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        await using var engine = await StartAsync(database, output, probe);

        var id = await engine.RunAsync(nameof(CarryEvents), new Collected([], preserve));
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
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

    [Fact]
    public async Task Custom_status_is_readable_with_inputs_and_outputs_and_follows_the_orchestration()
    {
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database, output);

        var id = await engine.RunAsync(nameof(StatusReporter), 3);
        var first = await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);
        Assert.Equal("{\"step\":1,\"note\":\"xxx\"}", first.SerializedCustomStatus);
        Assert.Null((await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: false))!.SerializedCustomStatus);

        await engine.Client.RaiseEventAsync(id, "next");
        var second = await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus == "{\"step\":2}");
        Assert.Equal(OrchestrationRuntimeStatus.Running, second.RuntimeStatus);
    }

    [Fact]
    public async Task A_custom_status_over_the_limit_fails_the_orchestration()
    {
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database, output, settings: new() { ["Engine:MaxCustomStatusBytes"] = "1024" });

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(StatusReporter), 2000));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("custom status", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("1024 bytes", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sub_orchestrator_that_is_not_registered_fails_the_call()
    {
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database, output);

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(CallsUnknownChild)));

        Assert.Equal("No orchestrator named 'NoSuchChild' is registered.", result.ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(true, OrchestrationRuntimeStatus.Terminated)]
    [InlineData(false, OrchestrationRuntimeStatus.Running)]
    public async Task Terminating_a_parent_recursively_terminates_its_running_children(bool recursive, OrchestrationRuntimeStatus childStatus)
    {
        using var database = new TempDatabase();
        await using var engine = await StartAsync(database, output);
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
