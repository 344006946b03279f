using DurableLessons.Engine.Tests.Infrastructure;

namespace DurableLessons.Engine.Tests.Workflows;

/// <summary>Fails its first <see cref="Attempt.Failures"/> executions for a key, then succeeds.</summary>
public sealed record Attempt(string Key, int Failures);

public sealed class Flaky(Probe probe) : TaskActivity<Attempt, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, Attempt input)
    {
        var execution = probe.CountExecution(input.Key);
        probe.Started.TrySetResult();
        return execution <= input.Failures
            ? throw new TimeoutException($"attempt {execution} of {input.Key} failed")
            : Task.FromResult($"{input.Key} succeeded on attempt {execution}");
    }
}

/// <summary>How to call <see cref="Flaky"/>; with <see cref="RetryOnlyErrorType"/> other failures are not retried.</summary>
public sealed record RetryPlan(Attempt Attempt, int MaxAttempts, int FirstRetryMs, string? RetryOnlyErrorType = null);

public sealed class RetryingCaller : TaskOrchestrator<RetryPlan, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, RetryPlan input)
    {
        var policy = new RetryPolicy(input.MaxAttempts, TimeSpan.FromMilliseconds(input.FirstRetryMs), backoffCoefficient: 2)
        {
            HandleFailure = failure => input.RetryOnlyErrorType is null || failure.ErrorType == input.RetryOnlyErrorType,
        };
        return context.CallActivityAsync<string>(nameof(Flaky), input.Attempt, TaskOptions.FromRetryPolicy(policy));
    }
}

/// <summary>A child that fails when its activity fails (no retry of its own).</summary>
public sealed class FlakyChild : TaskOrchestrator<Attempt, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, Attempt input) =>
        context.CallActivityAsync<string>(nameof(Flaky), input);
}

public sealed class RetryingParent : TaskOrchestrator<Attempt, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, Attempt input) =>
        context.CallSubOrchestratorAsync<string>(
            nameof(FlakyChild),
            input,
            TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(50))));
}
