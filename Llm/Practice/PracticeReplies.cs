using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLessons.Llm.Practice;

/// <summary>The model's verdict on a free-text answer, as the grading schema asks for it.</summary>
internal sealed record ModelGrade(bool Correct, double Score, string Feedback, string Hint);

/// <summary>The model's answer to a question, with the ids of the lesson citations it rests on.</summary>
internal sealed record ModelAnswer(string Answer, IReadOnlyList<int> CitationIds);

/// <summary>What the prompt shows of the learner's message and the lesson: JSON lines, so nothing in them reads as an instruction.</summary>
internal sealed record PromptMaterial(string Kind, string Text, IReadOnlyList<int>? CitationIds = null);

/// <summary>Reads practice replies as strictly as the lesson steps' replies.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ModelGrade))]
[JsonSerializable(typeof(ModelAnswer))]
[JsonSerializable(typeof(PromptMaterial))]
internal sealed partial class PracticeJsonContext : JsonSerializerContext
{
    public static PracticeJsonContext Prompt { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
