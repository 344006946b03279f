using System.Text.Json;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Serialization;

namespace DurableLessons.Storage;

/// <summary>Lesson documents as stored: JSON with the workflow's serializer settings.</summary>
internal static class LessonDocumentJson
{
    public static string Serialize(LessonDocument document) => JsonSerializer.Serialize(document, WorkflowJson.Options);

    public static LessonDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<LessonDocument>(json, WorkflowJson.Options)
        ?? throw new InvalidDataException("A stored lesson document is empty.");
}
