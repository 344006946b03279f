using System.Text.Json.Nodes;

namespace DurableLessons.Llm.Model;

/// <summary>
/// Builds the JSON schemas sent as <c>response_format</c> in strict mode: every property of an object required, no
/// additional properties. Every step's schema (lesson, syllabus, tutor) is made of these.
/// </summary>
internal static class JsonSchemas
{
    public static BinaryData Build(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return BinaryData.FromString(schema.ToJsonString());
    }

    public static JsonObject ObjectSchema(params (string Name, JsonNode Schema)[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var props = new JsonObject();
        var required = new JsonArray();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
            required.Add(name);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = props,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
    }

    public static JsonObject ArraySchema(JsonNode items) => new() { ["type"] = "array", ["items"] = items };

    public static JsonObject StringSchema(string? description = null) => Typed("string", description);

    public static JsonObject IntegerSchema(string? description = null) => Typed("integer", description);

    public static JsonObject NumberSchema(string? description = null) => Typed("number", description);

    public static JsonObject BooleanSchema(string? description = null) => Typed("boolean", description);

    private static JsonObject Typed(string type, string? description)
    {
        var schema = new JsonObject { ["type"] = type };
        if (description is not null)
        {
            schema["description"] = description;
        }

        return schema;
    }
}
