namespace DurableLessons.Engine;

/// <summary>Reads an instance's journal as Durable's history (the status route's <c>showHistory=true</c>).</summary>
public interface IOrchestrationHistoryReader
{
    /// <summary>The current execution's history, oldest first, or null when the instance is unknown.</summary>
    Task<IReadOnlyList<OrchestrationHistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);
}

/// <summary>
/// One history event, named as in Durable's history (<c>ExecutionStarted</c>, <c>TaskCompleted</c>, <c>TimerFired</c>, …).
/// <see cref="Input"/> and <see cref="Result"/> are JSON text; <see cref="FailureDetails"/> is a JSON
/// <c>TaskFailureDetails</c>; <see cref="ScheduledTime"/> is when the task was scheduled (or a timer's fire time);
/// <see cref="FunctionType"/> is "Activity" or "Orchestrator" for task events.
/// </summary>
public sealed record OrchestrationHistoryEvent(
    string EventType,
    DateTimeOffset Timestamp,
    string? Name,
    string? Input,
    string? Result,
    string? FailureDetails,
    DateTimeOffset? ScheduledTime,
    string? FunctionType);
