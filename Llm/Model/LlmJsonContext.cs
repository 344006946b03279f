using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Llm.Model;

/// <summary>
/// Reads model replies strictly (missing or null required members, numbers as strings and trailing content are
/// errors) and writes prompt data compactly.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(LessonOutline))]
[JsonSerializable(typeof(SectionsReply))]
[JsonSerializable(typeof(ExercisesReply))]
[JsonSerializable(typeof(QuizReply))]
[JsonSerializable(typeof(ReviewReply))]
[JsonSerializable(typeof(LessonDraft))]
[JsonSerializable(typeof(PromptNote))]
[JsonSerializable(typeof(PromptMaterial))]
[JsonSerializable(typeof(string))]
internal sealed partial class LlmJsonContext : JsonSerializerContext
{
    /// <summary>For prompts: the model reads the text, so non-ASCII letters stay readable instead of \u escapes.</summary>
    public static LlmJsonContext Prompt { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
