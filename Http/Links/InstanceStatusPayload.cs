using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Links;

/// <summary>
/// The status object of the management API, field for field as Durable's <c>StatusResponsePayload</c>:
/// <c>input</c>, <c>customStatus</c> and <c>output</c> are embedded JSON values and always present (null when
/// there is nothing); <c>historyEvents</c> only appears when history was asked for.
/// </summary>
public sealed record InstanceStatusPayload(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    EmbeddedJsonValue? Input,
    EmbeddedJsonValue? CustomStatus,
    EmbeddedJsonValue? Output,
    string CreatedTime,
    string LastUpdatedTime)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonArray? HistoryEvents { get; init; }

    /// <summary>Builds the payload from metadata fetched with inputs and outputs.</summary>
    public static InstanceStatusPayload From(OrchestrationMetadata metadata, bool showInput = true)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new InstanceStatusPayload(
            metadata.Name,
            metadata.InstanceId,
            metadata.RuntimeStatus.ToString(),
            showInput ? EmbeddedJsonValue.From(metadata.SerializedInput) : null,
            EmbeddedJsonValue.From(metadata.SerializedCustomStatus),
            OutputOf(metadata),
            WireTime(metadata.CreatedAt),
            WireTime(metadata.LastUpdatedAt));
    }

    /// <summary>Durable's time format for status objects: UTC to the second, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string WireTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // A Failed instance reports its failure as output, worded as the Durable extension words it.
    private static EmbeddedJsonValue? OutputOf(OrchestrationMetadata metadata) =>
        metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed && metadata.FailureDetails is { } failure
            ? EmbeddedJsonValue.Text($"Orchestrator function '{metadata.Name}' failed: {failure.ErrorMessage}")
            : EmbeddedJsonValue.From(metadata.SerializedOutput);
}
