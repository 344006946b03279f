using System.Text.Json.Nodes;
using DurableTask.AzureStorage;
using DurableTask.Core.History;
using Microsoft.DurableTask;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>
/// Why a failed instance failed. The task hub's Instances table keeps only "ErrorType: message" as the output of a
/// failed instance; the full details (stack trace, inner failure) are on the ExecutionCompleted event of its history.
/// </summary>
internal static class TaskHubFailures
{
    private const string Separator = ": ";

    /// <summary>The details from the history, or from the Instances table's summary when the history has none.</summary>
    public static async Task<TaskFailureDetails?> ReadAsync(AzureStorageOrchestrationService service, DurableTask.Core.OrchestrationState state)
    {
        var history = await service.GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, state.OrchestrationInstance.ExecutionId);
        var completed = JsonNode.Parse(history)?.AsArray()
            .LastOrDefault(e => (EventType?)(int?)e?["EventType"] == EventType.ExecutionCompleted);
        return FromJson(completed?["FailureDetails"]) ?? FromSummary(state.Output);
    }

    /// <summary>"ErrorType: message", as the Instances table words it.</summary>
    public static TaskFailureDetails? FromSummary(string? summary)
    {
        if (string.IsNullOrEmpty(summary))
        {
            return null;
        }

        var separator = summary.IndexOf(Separator, StringComparison.Ordinal);
        return separator < 0
            ? new TaskFailureDetails(string.Empty, summary, null, null, null)
            : new TaskFailureDetails(summary[..separator], summary[(separator + Separator.Length)..], null, null, null);
    }

    public static TaskFailureDetails? FromJson(JsonNode? failure) => failure is JsonObject details
        ? new TaskFailureDetails(
            (string?)details["ErrorType"] ?? string.Empty,
            (string?)details["ErrorMessage"] ?? string.Empty,
            (string?)details["StackTrace"],
            FromJson(details["InnerFailure"]),
            null)
        : null;
}
