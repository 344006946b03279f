using System.Text.Json;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Runs;

public sealed record RunLessonKey(string Subject, string Topic, string Level);

/// <summary>One run as the administration listing shows it.</summary>
public sealed record RunSummary(
    string InstanceId,
    string Name,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    JsonElement? CustomStatus,
    RunLessonKey? LessonKey,
    ModelUsage? Usage)
{
    public static RunSummary From(OrchestrationMetadata run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = Parse(run.SerializedInput);
        var output = Parse(run.SerializedOutput);
        return new RunSummary(
            run.InstanceId,
            run.Name,
            run.RuntimeStatus.ToString(),
            run.CreatedAt,
            run.LastUpdatedAt,
            Parse(run.SerializedCustomStatus),
            LessonKeyOf(run.Name, input),
            UsageOf(output));
    }

    private static RunLessonKey? LessonKeyOf(string name, JsonElement? input)
    {
        if (!string.Equals(name, OrchestrationNames.LessonGeneration, StringComparison.OrdinalIgnoreCase) || input is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            var lesson = value.Deserialize<LessonRunInput>(WorkflowJson.Options);
            return lesson is null ? null : new RunLessonKey(lesson.Key.Subject, lesson.Key.Topic, lesson.Level.ToWire());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ModelUsage? UsageOf(JsonElement? output) =>
        output is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
            ? usage.Deserialize<ModelUsage>(WorkflowJson.Options)
            : null;

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
