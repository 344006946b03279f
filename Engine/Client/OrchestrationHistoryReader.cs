using DurableLessons.Engine.Storage;

namespace DurableLessons.Engine.Client;

/// <summary>
/// Presents the journal as Durable's history: bookkeeping rows (episode starts, scheduling rows, event waits) are
/// left out, and the scheduling row's time becomes the <c>ScheduledTime</c> of the event that completes the task.
/// </summary>
internal sealed class OrchestrationHistoryReader(EngineReader reader) : IOrchestrationHistoryReader
{
    private const string Activity = "Activity";
    private const string Orchestrator = "Orchestrator";

    public async Task<IReadOnlyList<OrchestrationHistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (await reader.LoadHistoryAsync(instanceId, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var scheduledAt = loaded.Journal
            .Where(row => row.EventType is JournalEventTypes.TaskScheduled or JournalEventTypes.SubOrchestrationInstanceCreated && row.TaskId is not null)
            .GroupBy(row => row.TaskId!.Value)
            .ToDictionary(group => group.Key, group => group.Last().Timestamp);
        return loaded.Journal
            .Where(row => JournalEventTypes.IsShownInHistory(row.EventType))
            .Select(row => ToHistoryEvent(row, scheduledAt))
            .ToList();
    }

    private static OrchestrationHistoryEvent ToHistoryEvent(JournalRow row, Dictionary<int, DateTime> scheduledAt)
    {
        DateTimeOffset? Scheduled() => row.TaskId is { } id && scheduledAt.TryGetValue(id, out var at) ? new DateTimeOffset(at) : null;
        var timestamp = new DateTimeOffset(row.Timestamp);
        return row.EventType switch
        {
            JournalEventTypes.ExecutionStarted => new(row.EventType, timestamp, row.Name, row.Payload, null, null, null, Orchestrator),
            JournalEventTypes.TaskCompleted => new(row.EventType, timestamp, row.Name, null, row.Payload, null, Scheduled(), Activity),
            JournalEventTypes.TaskFailed => new(row.EventType, timestamp, row.Name, null, null, row.Failure, Scheduled(), Activity),
            JournalEventTypes.SubOrchestrationInstanceCompleted => new(row.EventType, timestamp, row.Name, null, row.Payload, null, Scheduled(), Orchestrator),
            JournalEventTypes.SubOrchestrationInstanceFailed => new(row.EventType, timestamp, row.Name, null, null, row.Failure, Scheduled(), Orchestrator),
            JournalEventTypes.TimerCreated or JournalEventTypes.TimerFired =>
                new(row.EventType, timestamp, null, null, null, null, row.FireAt is { } fireAt ? new DateTimeOffset(fireAt) : null, null),
            JournalEventTypes.ExecutionCompleted or JournalEventTypes.ExecutionTerminated =>
                new(row.EventType, timestamp, row.Name, null, row.Payload, row.Failure, null, null),
            _ => new(row.EventType, timestamp, row.Name, row.Payload, null, row.Failure, null, null),
        };
    }
}
