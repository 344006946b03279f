using DurableLessons.Engine;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>Serves <c>showHistory=true</c> from the embedded engine's journal.</summary>
internal sealed class EngineInstanceHistorySource(IOrchestrationHistoryReader reader) : IInstanceHistorySource
{
    public async Task<IReadOnlyList<InstanceHistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        var history = await reader.GetHistoryAsync(instanceId, cancellationToken);
        return history?
            .Select(e => new InstanceHistoryEvent(e.EventType, e.Timestamp, e.Name, e.Input, e.Result, e.FailureDetails, e.ScheduledTime))
            .ToList();
    }
}
