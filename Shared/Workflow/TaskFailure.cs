namespace DurableLessons.Shared.Workflow;

/// <summary>Mirrors Durable Task's <c>TaskFailureDetails</c>.</summary>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null)
{
    public static TaskFailureDetails FromException(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        exception.StackTrace,
        exception.InnerException is { } inner ? FromException(inner) : null);

    /// <summary>True when the failure was caused by <typeparamref name="T"/> or a type derived from it.</summary>
    public bool IsCausedBy<T>() where T : Exception
    {
        for (var type = Type.GetType(ErrorType, throwOnError: false); type is not null; type = type.BaseType)
        {
            if (type == typeof(T))
            {
                return true;
            }
        }

        return string.Equals(ErrorType, typeof(T).FullName, StringComparison.Ordinal);
    }
}

/// <summary>Mirrors Durable Task's <c>TaskFailedException</c>: an activity or sub-orchestration failed.</summary>
public sealed class TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
    : Exception($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}")
{
    public string TaskName { get; } = taskName;

    public int TaskId { get; } = taskId;

    public TaskFailureDetails FailureDetails { get; } = failureDetails;
}

/// <summary>Thrown when a start would reuse the id of an instance that is not yet in a terminal state.</summary>
public sealed class OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
    : InvalidOperationException($"An orchestration with instance id '{instanceId}' already exists and is {status}.")
{
    public string InstanceId { get; } = instanceId;

    public OrchestrationRuntimeStatus Status { get; } = status;
}

/// <summary>Thrown by client operations that name an instance the store does not know.</summary>
public sealed class OrchestrationNotFoundException(string instanceId)
    : ArgumentException($"No orchestration instance with id '{instanceId}' was found.", nameof(instanceId))
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>Thrown when an operation is not allowed in the instance's current runtime status.</summary>
public sealed class OrchestrationStateException(string instanceId, OrchestrationRuntimeStatus status, string operation)
    : InvalidOperationException($"Cannot {operation} orchestration '{instanceId}' because it is {status}.")
{
    public string InstanceId { get; } = instanceId;

    public OrchestrationRuntimeStatus Status { get; } = status;

    public string Operation { get; } = operation;
}
