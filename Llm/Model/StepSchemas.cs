using System.Text.Json.Nodes;

namespace DurableLessons.Llm.Model;

/// <summary>
/// The JSON schemas sent as <c>response_format</c> (strict mode: every property required, no additional properties).
/// Counts are checked after parsing, since strict mode does not promise to honour minItems/maxItems.
/// </summary>
internal static class StepSchemas
{
    public static BinaryData Outline { get; } = Build(OutlineSchema());

    public static BinaryData Sections { get; } = Build(Object(("sections", Array(SectionSchema()))));

    public static BinaryData Exercises { get; } = Build(Object(("exercises", Array(ExerciseSchema()))));

    public static BinaryData Quiz { get; } = Build(Object(("questions", Array(QuestionSchema()))));

    public static BinaryData Review { get; } = Build(Object(
        ("draft", Object(
            ("outline", OutlineSchema()),
            ("sections", Array(SectionSchema())),
            ("exercises", Array(ExerciseSchema())),
            ("quiz", Array(QuestionSchema())))),
        ("changes", Array(String("One short sentence per claim fixed or removed.")))));

    private static JsonObject OutlineSchema() => Object(
        ("title", String()),
        ("summary", String("Two or three sentences.")),
        ("objectives", Array(String())),
        ("sections", Array(Object(("heading", String()), ("keyPoints", Array(String()))))));

    private static JsonObject SectionSchema() => Object(
        ("heading", String()),
        ("body", String("Markdown; cite notes inline as [n].")),
        ("citationIds", Array(Integer("The number of a research note this section relies on."))));

    private static JsonObject ExerciseSchema() => Object(("prompt", String()), ("answer", String()));

    private static JsonObject QuestionSchema() => Object(
        ("question", String()),
        ("choices", Array(String())),
        ("answerIndex", Integer("Zero-based index of the correct choice.")),
        ("explanation", String()));

    private static BinaryData Build(JsonObject schema) => BinaryData.FromString(schema.ToJsonString());

    private static JsonObject Object(params (string Name, JsonNode Schema)[] properties)
    {
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

    private static JsonObject Array(JsonNode items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject String(string? description = null) => Typed("string", description);

    private static JsonObject Integer(string? description = null) => Typed("integer", description);

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
