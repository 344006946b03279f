using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Shared.Runs;

namespace DurableLessons.Engine.Tests.Workflows;

/// <summary>The first execution runs until shutdown cancels it; later executions finish at once.</summary>
public sealed class Stubborn(Probe probe, ActivityCancellation cancellation) : TaskActivity<string?, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, string? input)
    {
        if (probe.CountExecution("Stubborn") == 1)
        {
            probe.Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellation.Token);
        }

        return "finished";
    }
}

/// <summary>Takes a moment and ignores cancellation: a graceful stop waits for it.</summary>
public sealed class Patient(Probe probe) : TaskActivity<string?, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, string? input)
    {
        probe.CountExecution("Patient");
        probe.Started.TrySetResult();
        await Task.Delay(300, CancellationToken.None);
        return "patient";
    }
}

public sealed class CallOne : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) => context.CallActivityAsync<string>(input);
}
