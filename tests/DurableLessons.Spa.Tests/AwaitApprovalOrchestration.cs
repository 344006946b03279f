using DurableLessons.Engine;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Spa.Tests;

/// <summary>A run that stays Running until it receives the "approve" event: something to terminate or watch.</summary>
[DurableTask(Name)]
public sealed class AwaitApprovalOrchestration : TaskOrchestrator<string, string>
{
    public const string Name = "SpaTests_AwaitApproval";
    public const string EventName = "approve";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetCustomStatus(new { stage = "waiting", percent = 10, message = $"Waiting for approval of {input}" });
        var answer = await context.WaitForExternalEvent<string>(EventName);
        return $"{input} {answer}";
    }
}
