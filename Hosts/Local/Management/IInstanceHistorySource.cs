namespace DurableLessons.Hosts.Local.Management;

/// <summary>
/// The history of an instance for <c>showHistory=true</c>, kept apart from the engine that records it
/// (<see cref="EngineInstanceHistorySource"/> adapts the selected engine's journal). Payloads
/// (<see cref="InstanceHistoryEvent.Input"/>, <see cref="InstanceHistoryEvent.Result"/>) are JSON text.
/// </summary>
public interface IInstanceHistorySource
{
    /// <summary>The instance's history events in order, or null when the instance is unknown.</summary>
    Task<IReadOnlyList<InstanceHistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);
}

/// <summary>One history event, named as Durable's history (ExecutionStarted, TaskCompleted, EventRaised, …).</summary>
public sealed record InstanceHistoryEvent(
    string EventType,
    DateTimeOffset Timestamp,
    string? Name,
    string? Input,
    string? Result,
    string? FailureDetails,
    DateTimeOffset? ScheduledTime);
