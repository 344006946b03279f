using DurableLessons.Shared.Workflow;
using Sdk = Microsoft.DurableTask;

namespace DurableLessons.Hosts.Functions.Adapters;

/// <summary>Our task options and retry policies as the Durable Task SDK's, value for value.</summary>
internal static class TaskOptionsMapping
{
    public static Sdk.TaskOptions? ToSdk(TaskOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        var retry = options.Retry is { } retryOptions ? ToSdk(retryOptions.Policy) : null;
        var mapped = retry is null ? new Sdk.TaskOptions() : Sdk.TaskOptions.FromRetryPolicy(retry);
        return options is SubOrchestrationOptions { InstanceId: { } instanceId } ? mapped.WithInstanceId(instanceId) : mapped;
    }

    public static Sdk.RetryPolicy ToSdk(RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);

        // The SDK documents null (not InfiniteTimeSpan) as "no overall retry timeout".
        TimeSpan? retryTimeout = policy.RetryTimeout == Timeout.InfiniteTimeSpan ? null : policy.RetryTimeout;
        if (policy.HandleFailure is not { } handleFailure)
        {
            return new Sdk.RetryPolicy(
                policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval, retryTimeout);
        }

        return new Sdk.RetryPolicy(
            policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval, retryTimeout)
        {
            HandleFailure = failure => handleFailure(TaskFailureMapping.ToPort(failure)),
        };
    }
}
