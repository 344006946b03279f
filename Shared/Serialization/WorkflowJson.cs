using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLessons.Shared.Serialization;

/// <summary>
/// How inputs, outputs, events and custom status are serialized on every engine (the embedded one, the Durable Task
/// SDK's data converter, the Functions worker serializer): camelCase web defaults, enums as strings.
/// </summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(object? value) =>
        JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Options);

    public static object? Deserialize(string? json, Type type) =>
        json is null ? null : JsonSerializer.Deserialize(json, type, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
