using System.Text.Json;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Serialization;

namespace DurableLessons.Storage.Practice;

/// <summary>The stored form of turns and summaries: the workflow JSON conventions, so stored and served shapes agree.</summary>
internal static class PracticeJson
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, WorkflowJson.Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, WorkflowJson.Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");
}
