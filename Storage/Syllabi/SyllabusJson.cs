using System.Text.Json;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Serialization;

namespace DurableLessons.Storage.Syllabi;

/// <summary>The stored form of a syllabus (the workflow JSON conventions, so stored and served shapes agree).</summary>
internal static class SyllabusJson
{
    public static string Serialize(SyllabusDocument syllabus) => JsonSerializer.Serialize(syllabus, WorkflowJson.Options);

    public static SyllabusDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<SyllabusDocument>(json, WorkflowJson.Options)
        ?? throw new InvalidDataException("A stored syllabus is empty.");

    /// <summary>Key-safe id of a topic at a level, for "latest syllabus of this topic" lookups.</summary>
    public static string TopicLevelKey(string topic, Shared.Lessons.LessonLevel level) =>
        new Shared.Lessons.LessonKey(topic, "syllabus", level).StorageId;
}
