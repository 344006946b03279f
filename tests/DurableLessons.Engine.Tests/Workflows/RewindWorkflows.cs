using DurableLessons.Engine.Tests.Infrastructure;

namespace DurableLessons.Engine.Tests.Workflows;

public sealed class Tally(Probe probe) : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        probe.CountExecution($"Tally:{input}");
        return Task.FromResult(input);
    }
}

public sealed class Fragile(Probe probe) : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        probe.CountExecution($"Fragile:{input}");
        return probe.Broken ? throw new InvalidOperationException("fragile is broken") : Task.FromResult(input);
    }
}

public sealed class RewindableFanOut : TaskOrchestrator<string?, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var parts = await Task.WhenAll(
            context.CallActivityAsync<int>(nameof(Tally), 1),
            context.CallActivityAsync<int>(nameof(Tally), 2),
            context.CallActivityAsync<int>(nameof(Fragile), 3));
        return parts.Sum() + await context.CallActivityAsync<int>(nameof(Tally), 4);
    }
}

/// <summary>The failing call has retries: rewinding must not replay the old attempts and back-off timers.</summary>
public sealed class RewindableWithRetries : TaskOrchestrator<string?, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var first = await context.CallActivityAsync<int>(nameof(Tally), 1);
        var retried = await context.CallActivityAsync<int>(
            nameof(Fragile), 5, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(30))));
        return first + retried + await context.CallActivityAsync<int>(nameof(Tally), 6);
    }
}

public sealed class FragileChild : TaskOrchestrator<string?, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, string? input) =>
        await context.CallActivityAsync<int>(nameof(Tally), 11) + await context.CallActivityAsync<int>(nameof(Fragile), 12);
}

public sealed class ParentOfFragileChild : TaskOrchestrator<string?, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, string? input) =>
        await context.CallActivityAsync<int>(nameof(Tally), 10) +
        await context.CallSubOrchestratorAsync<int>(nameof(FragileChild), options: new SubOrchestrationOptions(retry: null, instanceId: $"{context.InstanceId}-child"));
}
