using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DurableLessons.Load.FakeModel;

/// <summary>
/// Schema-valid answers for each lesson step (Llm/Model/StepSchemas.cs), shaped to pass Llm/Validation/LessonRules:
/// two outline sections, two sections citing a note the prompt really lists, two exercises, two questions.
/// </summary>
internal static partial class StepReplies
{
    public const string Outline = "lesson_outline";
    public const string Sections = "lesson_sections";
    public const string Exercises = "lesson_exercises";
    public const string Quiz = "lesson_quiz";
    public const string Review = "lesson_review";

    /// <summary>The reply content for the step named by the request's response_format, or null for an unknown step.</summary>
    public static string? For(string step, string userMessage) => step switch
    {
        Outline => OutlineObject().ToJsonString(),
        Sections => new JsonObject { ["sections"] = SectionArray(CitedNote(userMessage)) }.ToJsonString(),
        Exercises => new JsonObject { ["exercises"] = ExerciseArray() }.ToJsonString(),
        Quiz => new JsonObject { ["questions"] = QuestionArray() }.ToJsonString(),
        Review => new JsonObject
        {
            ["draft"] = new JsonObject
            {
                ["outline"] = OutlineObject(),
                ["sections"] = SectionArray(CitedNote(userMessage)),
                ["exercises"] = ExerciseArray(),
                ["quiz"] = QuestionArray(),
            },
            ["changes"] = new JsonArray(),
        }.ToJsonString(),
        _ => null,
    };

    /// <summary>The topic of the lesson, as the system prompt quotes it (<c>topic "…"</c>).</summary>
    public static string TopicOf(string systemMessage)
    {
        var match = TopicPattern().Match(systemMessage);
        return match.Success ? JsonSerializer.Deserialize<string>(match.Groups[1].Value) ?? string.Empty : string.Empty;
    }

    // Notes are listed one per line as "[n] {json}"; citing one that is not listed fails validation.
    private static int? CitedNote(string userMessage)
    {
        var match = NoteLinePattern().Match(userMessage);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static JsonObject OutlineObject() => new()
    {
        ["title"] = "A lesson written under load",
        ["summary"] = "A short lesson produced by the load driver's fake model. It exercises every step of the pipeline.",
        ["objectives"] = new JsonArray("Name the main idea", "Apply it to an example"),
        ["sections"] = new JsonArray(
            new JsonObject { ["heading"] = "The main idea", ["keyPoints"] = new JsonArray("What it is", "Why it matters") },
            new JsonObject { ["heading"] = "An example", ["keyPoints"] = new JsonArray("A worked case", "A common mistake") }),
    };

    private static JsonArray SectionArray(int? note)
    {
        var citation = note is { } id ? $" [{id}]" : string.Empty;
        return new JsonArray(
            Section("The main idea", $"The main idea is stated plainly{citation}.", note),
            Section("An example", $"A worked example shows the idea in use{citation}.", note));
    }

    private static JsonObject Section(string heading, string body, int? note) => new()
    {
        ["heading"] = heading,
        ["body"] = body,
        ["citationIds"] = note is { } id ? new JsonArray(id) : new JsonArray(),
    };

    private static JsonArray ExerciseArray() => new(
        new JsonObject { ["prompt"] = "State the main idea in one sentence.", ["answer"] = "The main idea, stated plainly." },
        new JsonObject { ["prompt"] = "Give an example.", ["answer"] = "A worked case." });

    private static JsonArray QuestionArray() => new(
        Question("Which section states the main idea?", 0),
        Question("Which section shows the idea in use?", 1));

    private static JsonObject Question(string question, int answer) => new()
    {
        ["question"] = question,
        ["choices"] = new JsonArray("The first section", "The second section", "Neither"),
        ["answerIndex"] = answer,
        ["explanation"] = "The headings say so.",
    };

    [GeneratedRegex("""topic ("(?:[^"\\]|\\.)*")""")]
    private static partial Regex TopicPattern();

    [GeneratedRegex(@"^\[(\d+)\] \{", RegexOptions.Multiline)]
    private static partial Regex NoteLinePattern();
}
