using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DurableLessons.Llm.Model;
using DurableLessons.Shared.Syllabi;

namespace DurableLessons.Llm.Syllabi;

/// <summary>Reads syllabus replies as strictly as <see cref="LlmJsonContext"/> reads lesson replies.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(SyllabusPlan))]
[JsonSerializable(typeof(PromptNote))]
[JsonSerializable(typeof(string))]
internal sealed partial class SyllabusJsonContext : JsonSerializerContext
{
    public static SyllabusJsonContext Prompt { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
