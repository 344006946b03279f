using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Engine.Runtime;

/// <summary>The <see cref="OrchestrationContext"/> the embedded engine gives orchestrators; state lives in the executor.</summary>
internal sealed class EngineOrchestrationContext(OrchestrationExecutor executor, ILoggerFactory loggerFactory) : OrchestrationContext
{
    public override string Name => executor.Info.Name;

    public override string InstanceId => executor.Info.InstanceId;

    public override ParentOrchestrationInstance? Parent => executor.Info.Parent;

    public override DateTime CurrentUtcDateTime => executor.CurrentUtcDateTime;

    public override bool IsReplaying => executor.IsReplaying;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>() where T : default => executor.GetInput<T>();

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serializedInput = Serialize(input);
        return options?.Retry?.Policy is { } policy
            ? WithRetries(policy, () => executor.CallActivity<TResult>(name, serializedInput))
            : executor.CallActivity<TResult>(name, serializedInput);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var serializedInput = Serialize(input);
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId;
        if (instanceId is not null)
        {
            InstanceIds.Validate(instanceId);
        }

        Task<TResult> Attempt() =>
            executor.CallSubOrchestrator<TResult>(orchestratorName, instanceId ?? NewGuid().ToString("N"), serializedInput);

        return options?.Retry?.Policy is { } policy ? WithRetries(policy, Attempt) : Attempt();
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        executor.CreateTimer(fireAt.Kind switch
        {
            DateTimeKind.Local => fireAt.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(fireAt, DateTimeKind.Utc),
            _ => fireAt,
        }, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return executor.WaitForExternalEvent<T>(eventName, cancellationToken);
    }

    public override void SendEvent(string instanceId, string eventName, object? payload)
    {
        InstanceIds.Validate(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        executor.SendEvent(instanceId, eventName, Serialize(payload));
    }

    public override void SetCustomStatus(object? customStatus) => executor.SetCustomStatus(Serialize(customStatus));

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        executor.ContinueAsNew(Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid() => executor.NewGuid();

    private static string? Serialize(object? value) => value is null ? null : WorkflowJson.Serialize(value);

    /// <summary>
    /// Retries as Durable Task does, in orchestrator code: each attempt is a new durable call and the wait between
    /// attempts is a durable timer, so a restart during the back-off resumes it instead of losing or repeating it.
    /// </summary>
    private async Task<T> WithRetries<T>(RetryPolicy policy, Func<Task<T>> attempt)
    {
        var firstAttemptAt = CurrentUtcDateTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure) when (ShouldRetry(policy, failure, attemptNumber, firstAttemptAt))
            {
                await CreateTimer(policy.DelayAfterAttempt(attemptNumber), CancellationToken.None);
            }
        }
    }

    private bool ShouldRetry(RetryPolicy policy, TaskFailedException failure, int attemptNumber, DateTime firstAttemptAt)
    {
        if (attemptNumber >= policy.MaxNumberOfAttempts)
        {
            return false;
        }

        if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentUtcDateTime - firstAttemptAt >= policy.RetryTimeout)
        {
            return false;
        }

        return policy.HandleFailure?.Invoke(failure.FailureDetails) ?? true;
    }
}
