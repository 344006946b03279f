using System.Collections.Concurrent;
using System.Text.Json;
using DurableLessons.Engine;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Tests.Infrastructure;

public sealed record GreetingRequest(string Name);

public sealed record ProgressStatus(string Stage, int Percent);

/// <summary>Completes: greets through one activity.</summary>
[DurableTask(Name)]
public sealed class GreetingOrchestrator : TaskOrchestrator<GreetingRequest, string>
{
    public const string Name = "Greeting";

    public override Task<string> RunAsync(TaskOrchestrationContext context, GreetingRequest input) =>
        context.CallActivityAsync<string>(SayHelloActivity.Name, input.Name);
}

[DurableTask(Name)]
public sealed class SayHelloActivity : TaskActivity<string, string>
{
    public const string Name = "SayHello";

    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hello {input}!");
}

/// <summary>Fails through its activity until the test heals the instance (then a rewind completes it).</summary>
[DurableTask(Name)]
public sealed class FailingOrchestrator : TaskOrchestrator<string, string>
{
    public const string Name = "Failing";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(ExplodeActivity.Name, input);
}

[DurableTask(Name)]
public sealed class ExplodeActivity(FailureSwitch failures) : TaskActivity<string, string>
{
    public const string Name = "Explode";
    public const string Message = "The reactor exploded";

    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        failures.IsHealed(context.InstanceId)
            ? Task.FromResult($"recovered {input}")
            : throw new InvalidOperationException($"{Message} ({input})");
}

/// <summary>Which failing instances have been repaired; shared by the test and the activity.</summary>
public sealed class FailureSwitch
{
    private readonly ConcurrentDictionary<string, bool> _healed = new();

    public void Heal(string instanceId) => _healed[instanceId] = true;

    public bool IsHealed(string instanceId) => _healed.ContainsKey(instanceId);
}

/// <summary>Waits for an "Approval" event and returns its payload.</summary>
[DurableTask(Name)]
public sealed class AwaitApprovalOrchestrator : TaskOrchestrator<string?, JsonElement>
{
    public const string Name = "AwaitApproval";
    public const string EventName = "Approval";

    public override Task<JsonElement> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.WaitForExternalEvent<JsonElement>(EventName);
}

/// <summary>Reports progress as custom status, then waits for "Finish".</summary>
[DurableTask(Name)]
public sealed class ReportProgressOrchestrator : TaskOrchestrator<string?, string>
{
    public const string Name = "ReportProgress";
    public const string EventName = "Finish";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus(new ProgressStatus("drafting", 40));
        await context.WaitForExternalEvent<string>(EventName);
        return "done";
    }
}

public static class TestWorkflows
{
    public static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<GreetingOrchestrator>()
        .AddActivity<SayHelloActivity>()
        .AddOrchestrator<FailingOrchestrator>()
        .AddActivity<ExplodeActivity>()
        .AddOrchestrator<AwaitApprovalOrchestrator>()
        .AddOrchestrator<ReportProgressOrchestrator>();
}
