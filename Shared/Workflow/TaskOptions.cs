namespace DurableLessons.Shared.Workflow;

/// <summary>Mirrors Durable Task's <c>TaskRetryOptions</c> (policy form).</summary>
public sealed class TaskRetryOptions(RetryPolicy policy)
{
    public RetryPolicy Policy { get; } = policy ?? throw new ArgumentNullException(nameof(policy));
}

/// <summary>Mirrors Durable Task's <c>TaskOptions</c>.</summary>
public record TaskOptions(TaskRetryOptions? Retry = null)
{
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(Retry, instanceId);
}

/// <summary>Mirrors Durable Task's <c>SubOrchestrationOptions</c>.</summary>
public record SubOrchestrationOptions(TaskRetryOptions? Retry = null, string? InstanceId = null) : TaskOptions(Retry);

/// <summary>Mirrors Durable Task's <c>StartOrchestrationOptions</c>.</summary>
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
