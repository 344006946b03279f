using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreSubOrchestrationFailedException = DurableTask.Core.Exceptions.SubOrchestrationFailedException;
using CoreTaskFailedException = DurableTask.Core.Exceptions.TaskFailedException;

namespace DurableLessons.Engine.Runtime;

/// <summary>
/// The Durable Task SDK's <see cref="TaskOrchestrationContext"/> as the embedded engine implements it; state lives in
/// the executor. Where orchestrator code can observe a difference, it behaves as the SDK's own context on the Durable
/// Task Framework does: retries (policy and handler), timer and event cancellation through token callbacks, LIFO event
/// waiters, and a check on every call that the code still runs on the orchestration's own thread (as the Durable
/// Functions extension checks <c>OrchestrationContext.IsOrchestratorThread</c>).
/// </summary>
internal sealed class EngineOrchestrationContext(OrchestrationExecutor executor, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    public override TaskName Name => new(executor.Info.Name);

    public override string InstanceId => executor.Info.InstanceId;

    public override ParentOrchestrationInstance? Parent => executor.Info.Parent;

    public override DateTime CurrentUtcDateTime => executor.CurrentUtcDateTime;

    public override bool IsReplaying => executor.IsReplaying;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T GetInput<T>()
    {
        executor.EnsureOrchestratorThread(nameof(GetInput));
        return executor.GetInput<T>()!;
    }

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        executor.EnsureOrchestratorThread(nameof(CallActivityAsync));
        ArgumentException.ThrowIfNullOrWhiteSpace(name.Name, nameof(name));
        if (input is TaskOptions && options is null)
        {
            throw new ArgumentException(
                $"A {nameof(TaskOptions)} value was provided for the activity input but no value was provided for {nameof(options)}. " +
                $"Did you mean to provide it as {nameof(options)}?",
                nameof(input));
        }

        var serializedInput = Serialize(input);
        return WithRetryOptions(
            options?.Retry,
            name.Name,
            () => executor.CallActivity<TResult>(name.Name, serializedInput),
            (failure, attemptTaskId) => new CoreTaskFailedException(0, attemptTaskId, name.Name, null, failure.ErrorMessage, null) { FailureDetails = ToCore(failure) });
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        executor.EnsureOrchestratorThread(nameof(CallSubOrchestratorAsync));
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name, nameof(orchestratorName));
        var serializedInput = Serialize(input);
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId ?? NewGuid().ToString("N");
        InstanceIds.Validate(instanceId);
        return WithRetryOptions(
            options?.Retry,
            orchestratorName.Name,
            () => executor.CallSubOrchestrator<TResult>(orchestratorName.Name, instanceId, serializedInput),
            (failure, attemptTaskId) => new CoreSubOrchestrationFailedException(0, attemptTaskId, orchestratorName.Name, null, failure.ErrorMessage, null) { FailureDetails = ToCore(failure) });
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        executor.EnsureOrchestratorThread(nameof(CreateTimer));
        return executor.CreateTimer(fireAt.ToUniversalTime(), cancellationToken);
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        executor.EnsureOrchestratorThread(nameof(WaitForExternalEvent));
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return executor.WaitForExternalEvent<T>(eventName, cancellationToken);
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        executor.EnsureOrchestratorThread(nameof(SendEvent));
        InstanceIds.Validate(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        executor.SendEvent(instanceId, eventName, Serialize(payload));
    }

    public override void SetCustomStatus(object? customStatus)
    {
        executor.EnsureOrchestratorThread(nameof(SetCustomStatus));
        executor.SetCustomStatus(Serialize(customStatus));
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        executor.EnsureOrchestratorThread(nameof(ContinueAsNew));
        executor.ContinueAsNew(Serialize(newInput), preserveUnprocessedEvents);
    }

    public override Guid NewGuid()
    {
        executor.EnsureOrchestratorThread(nameof(NewGuid));
        return executor.NewGuid();
    }

    private static string? Serialize(object? value) => value is null ? null : WorkflowJson.Serialize(value);

    private Task<T> WithRetryOptions<T>(
        TaskRetryOptions? retry,
        string taskName,
        Func<Task<T>> attempt,
        Func<TaskFailureDetails, int, Exception> coreFailure) => retry switch
        {
            { Policy: { } policy } => WithRetryPolicy(policy, attempt, coreFailure),
            { Handler: { } handler } => WithRetryHandler(handler, taskName, attempt),
            _ => attempt(),
        };

    /// <summary>
    /// Retries as the Durable Task Framework's RetryInterceptor does, in orchestrator code: each attempt is a new durable
    /// call, the wait between attempts is a durable timer, and the policy's filter sees the Framework's exception. After
    /// the last attempt it waits on a timer that fires at once, as the Framework does for compatibility.
    /// </summary>
    private async Task<T> WithRetryPolicy<T>(RetryPolicy policy, Func<Task<T>> attempt, Func<TaskFailureDetails, int, Exception> coreFailure)
    {
        var firstAttemptAt = CurrentUtcDateTime;
        for (var retryCount = 0; ; retryCount++)
        {
            TaskFailedException failure;
            try
            {
                return await attempt();
            }
            catch (TaskFailedException caught)
            {
                failure = caught;
            }

            if (retryCount + 1 >= policy.MaxNumberOfAttempts)
            {
                await CreateTimer(CurrentUtcDateTime, CancellationToken.None);
                throw failure;
            }

            var delay = NextDelay(policy, retryCount, firstAttemptAt, coreFailure(failure.FailureDetails, failure.TaskId));
            if (delay == TimeSpan.Zero)
            {
                throw failure;
            }

            await CreateTimer(CurrentUtcDateTime.Add(delay), CancellationToken.None);
        }
    }

    private TimeSpan NextDelay(RetryPolicy policy, int retryCount, DateTime firstAttemptAt, Exception failure)
    {
        if (!policy.Handle(failure))
        {
            return TimeSpan.Zero;
        }

        if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && policy.RetryTimeout != TimeSpan.MaxValue &&
            CurrentUtcDateTime >= firstAttemptAt.Add(policy.RetryTimeout))
        {
            return TimeSpan.Zero;
        }

        var delayMs = policy.FirstRetryInterval.TotalMilliseconds * Math.Pow(policy.BackoffCoefficient, retryCount);
        return delayMs < policy.MaxRetryInterval.TotalMilliseconds ? TimeSpan.FromMilliseconds(delayMs) : policy.MaxRetryInterval;
    }

    /// <summary>A custom retry handler, called after each failure as the SDK calls it (no delay unless it makes one).</summary>
    private async Task<T> WithRetryHandler<T>(AsyncRetryHandler handler, string taskName, Func<Task<T>> attempt)
    {
        var startedAt = CurrentUtcDateTime;
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure)
            {
                var context = new RetryContext(this, failures, failure.FailureDetails, CurrentUtcDateTime - startedAt, CancellationToken.None);
                if (!await handler(context))
                {
                    CreateReplaySafeLogger<EngineOrchestrationContext>().LogDebug("Retry handler gave up on {Task} after {Attempts} attempt(s)", taskName, failures);
                    throw;
                }
            }
        }
    }

    private static CoreFailureDetails ToCore(TaskFailureDetails details) => new(
        details.ErrorType,
        details.ErrorMessage,
        details.StackTrace,
        details.InnerFailure is { } inner ? ToCore(inner) : null,
        isNonRetriable: false);
}
