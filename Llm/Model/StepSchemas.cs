using System.Text.Json.Nodes;
using static DurableLessons.Llm.Model.JsonSchemas;

namespace DurableLessons.Llm.Model;

/// <summary>
/// The JSON schemas sent as <c>response_format</c> (strict mode: every property required, no additional properties).
/// Counts are checked after parsing, since strict mode does not promise to honour minItems/maxItems.
/// </summary>
internal static class StepSchemas
{
    public static BinaryData Outline { get; } = Build(OutlineSchema());

    public static BinaryData Sections { get; } = Build(ObjectSchema(("sections", ArraySchema(SectionSchema()))));

    public static BinaryData Exercises { get; } = Build(ObjectSchema(("exercises", ArraySchema(ExerciseSchema()))));

    public static BinaryData Quiz { get; } = Build(ObjectSchema(("questions", ArraySchema(QuestionSchema()))));

    public static BinaryData Review { get; } = Build(ObjectSchema(
        ("draft", ObjectSchema(
            ("outline", OutlineSchema()),
            ("sections", ArraySchema(SectionSchema())),
            ("exercises", ArraySchema(ExerciseSchema())),
            ("quiz", ArraySchema(QuestionSchema())))),
        ("changes", ArraySchema(StringSchema("One short sentence per claim fixed or removed.")))));

    private static JsonObject OutlineSchema() => ObjectSchema(
        ("title", StringSchema()),
        ("summary", StringSchema("Two or three sentences.")),
        ("objectives", ArraySchema(StringSchema())),
        ("sections", ArraySchema(ObjectSchema(("heading", StringSchema()), ("keyPoints", ArraySchema(StringSchema()))))));

    private static JsonObject SectionSchema() => ObjectSchema(
        ("heading", StringSchema()),
        ("body", StringSchema("Markdown; cite notes inline as [n].")),
        ("citationIds", ArraySchema(IntegerSchema("The number of a research note this section relies on."))));

    private static JsonObject ExerciseSchema() => ObjectSchema(("prompt", StringSchema()), ("answer", StringSchema()));

    private static JsonObject QuestionSchema() => ObjectSchema(
        ("question", StringSchema()),
        ("choices", ArraySchema(StringSchema())),
        ("answerIndex", IntegerSchema("Zero-based index of the correct choice.")),
        ("explanation", StringSchema()));
}
