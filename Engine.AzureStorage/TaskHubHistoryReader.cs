using System.Text.Json.Nodes;
using DurableLessons.Shared.Serialization;
using DurableTask.AzureStorage;
using DurableTask.Core.History;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>
/// The current execution's history from the task hub's History table, as the status route's <c>showHistory=true</c>
/// shows it. The Framework hands it out as Newtonsoft JSON (event types as numbers); it is read here as plain JSON.
/// </summary>
internal sealed class TaskHubHistoryReader(AzureStorageOrchestrationService service) : IOrchestrationHistoryReader
{
    private static readonly HashSet<EventType> Bookkeeping = [EventType.OrchestratorStarted, EventType.OrchestratorCompleted, EventType.TaskScheduled, EventType.SubOrchestrationInstanceCreated];

    public async Task<IReadOnlyList<OrchestrationHistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: false);
        if (states is not { Count: > 0 })
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var json = await service.GetOrchestrationHistoryAsync(instanceId, states[0].OrchestrationInstance.ExecutionId);
        var events = JsonNode.Parse(json)?.AsArray() ?? [];
        var scheduled = events
            .Where(e => Type(e) is EventType.TaskScheduled or EventType.SubOrchestrationInstanceCreated)
            .ToDictionary(e => (int)e!["EventId"]!, e => (Name: (string?)e!["Name"], At: Time(e["Timestamp"])));
        return events
            .Where(e => !Bookkeeping.Contains(Type(e)))
            .Select(e => ToHistoryEvent(e!, scheduled))
            .ToList();
    }

    private static OrchestrationHistoryEvent ToHistoryEvent(JsonNode e, Dictionary<int, (string? Name, DateTimeOffset? At)> scheduled)
    {
        var type = Type(e);
        var task = e["TaskScheduledId"] is { } id && scheduled.TryGetValue((int)id, out var found) ? found : default;
        var functionType = type switch
        {
            EventType.TaskCompleted or EventType.TaskFailed => "Activity",
            EventType.ExecutionStarted or EventType.SubOrchestrationInstanceCompleted or EventType.SubOrchestrationInstanceFailed => "Orchestrator",
            _ => null,
        };
        return new OrchestrationHistoryEvent(
            type.ToString(),
            Time(e["Timestamp"]) ?? DateTimeOffset.MinValue,
            (string?)e["Name"] ?? task.Name,
            (string?)e["Input"],
            (string?)e["Result"],
            TaskHubFailures.FromJson(e["FailureDetails"]) is { } failure ? WorkflowJson.Serialize(failure) : (string?)e["Reason"],
            Time(e["FireAt"]) ?? task.At,
            functionType);
    }

    private static EventType Type(JsonNode? e) => (EventType)(int)e!["EventType"]!;

    private static DateTimeOffset? Time(JsonNode? value) =>
        value is null ? null : DateTimeOffset.Parse((string)value!, System.Globalization.CultureInfo.InvariantCulture);
}
