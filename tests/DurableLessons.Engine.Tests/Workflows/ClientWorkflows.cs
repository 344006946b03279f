using DurableLessons.Engine.Tests.Infrastructure;

namespace DurableLessons.Engine.Tests.Workflows;

/// <summary>Waits for "go", then greets: while suspended, neither the event nor the greeting happen.</summary>
public sealed class GoThenGreet : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        context.SetCustomStatus("waiting for go");
        var go = await context.WaitForExternalEvent<string>("go");
        return $"{go}: {await context.CallActivityAsync<string>(nameof(Greet), input)}";
    }
}

public sealed class Crash : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        throw new InvalidOperationException("the orchestrator crashed");
}
