using DurableLessons.Engine.Tests.Infrastructure;

namespace DurableLessons.Engine.Tests.Workflows;

public sealed class ChildGreeter : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        $"{context.Parent?.Name}/{context.Parent?.InstanceId} -> {context.InstanceId}: {await context.CallActivityAsync<string>(nameof(Greet), input)}";
}

public sealed class ParentOfGreeter : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallSubOrchestratorAsync<string>(nameof(ChildGreeter), input, new SubOrchestrationOptions(retry: null, instanceId: $"{context.InstanceId}-child"));
}

public sealed class FailingChild : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        throw new ArgumentException("the child does not like its input");
}

public sealed class ParentOfFailingChild : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        try
        {
            await context.CallSubOrchestratorAsync<string>(nameof(FailingChild));
            return "no failure";
        }
        catch (TaskFailedException failure)
        {
            return $"{failure.TaskName}: {failure.FailureDetails.ErrorType}: {failure.FailureDetails.ErrorMessage}";
        }
    }
}

public sealed record Ping(string Target, string Message);

public sealed class Pinger : TaskOrchestrator<Ping, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, Ping input)
    {
        context.SendEvent(input.Target, "ping", input.Message);
        return Task.FromResult("sent");
    }
}

public sealed class PingReceiver : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus("listening");
        return await context.WaitForExternalEvent<string>("ping");
    }
}

/// <summary>Counts up with ContinueAsNew until it reaches 5.</summary>
public sealed class Counter : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        await context.CallActivityAsync<string>(nameof(Greet), $"count{input}");
        if (input < 5)
        {
            context.ContinueAsNew(input + 1);
        }

        return input;
    }
}

/// <summary>
/// Generation 0 holds (events arrive meanwhile), takes one event and continues as new; generation 1 takes the next
/// one, which only exists if unprocessed events were carried over.
/// </summary>
public sealed record Collected(List<string> Items, bool Preserve);

public sealed class CarryEvents : TaskOrchestrator<Collected, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, Collected input)
    {
        if (input.Items.Count == 0)
        {
            await context.CallActivityAsync<string>(nameof(Hold));
            var first = await context.WaitForExternalEvent<string>("e");
            context.ContinueAsNew(input with { Items = [first] }, input.Preserve);
            return input.Items;
        }

        context.SetCustomStatus("second generation");
        var second = await context.WaitForExternalEvent<string>("e");
        return [.. input.Items, second];
    }
}

public sealed class StatusReporter : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        context.SetCustomStatus(new { step = 1, note = new string('x', input) });
        await context.WaitForExternalEvent<string>("next");
        context.SetCustomStatus(new { step = 2 });
        await context.WaitForExternalEvent<string>("next");
        return "done";
    }
}

/// <summary>Starts a child that waits for an event, then waits for it.</summary>
public sealed class ParentOfWaitingChild : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.CallSubOrchestratorAsync<string>(nameof(Approval), options: new SubOrchestrationOptions(retry: null, instanceId: $"{context.InstanceId}-child"));
}

public sealed class CallsUnknownChild : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<string>("NoSuchChild");
        }
        catch (TaskFailedException failure)
        {
            return failure.FailureDetails.ErrorMessage;
        }
    }
}
