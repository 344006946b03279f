using System.Text.Json;
using System.Text.Json.Nodes;

namespace DurableLessons.Resilience.Tests.Fakes;

/// <summary>
/// Valid replies for each step of the lesson chain, built from the request itself so they pass the author's checks:
/// sections follow the outline the prompt carries, citations name a note the prompt lists, and the review returns the
/// draft it was given. The step is read from the <c>response_format</c> schema name ("lesson_outline" → "outline").
/// </summary>
internal static class StepReplies
{
    private const string MaterialBegin = "BEGIN LESSON MATERIAL";
    private const string NotesBegin = "BEGIN UNTRUSTED RESEARCH NOTES";
    private const string NotesEnd = "END UNTRUSTED RESEARCH NOTES";

    public static JsonObject For(string step, JsonElement request)
    {
        var user = UserMessage(request);
        return step switch
        {
            "outline" => Outline(),
            "sections" => Sections(Material(user), FirstNoteId(user)),
            "exercises" => new JsonObject { ["exercises"] = Exercises() },
            "quiz" => new JsonObject { ["questions"] = Quiz() },
            "review" => new JsonObject { ["draft"] = Material(user), ["changes"] = new JsonArray() },
            _ => throw new InvalidOperationException($"The fake model does not know the step '{step}'."),
        };
    }

    /// <summary>Well-formed JSON the strict reader must refuse: a number where a string belongs, members missing.</summary>
    public static JsonObject SchemaInvalid() => new() { ["title"] = 42, ["unexpected"] = true };

    private static JsonObject Outline() => new()
    {
        ["title"] = "English verbs under pressure",
        ["summary"] = "How English verbs form their past. How modal verbs are used.",
        ["objectives"] = new JsonArray("Form the past simple of common irregular verbs", "Use modal verbs with the base form"),
        ["sections"] = new JsonArray(
            new JsonObject { ["heading"] = "Irregular past forms", ["keyPoints"] = new JsonArray("go becomes went", "see becomes saw") },
            new JsonObject { ["heading"] = "Modal verbs", ["keyPoints"] = new JsonArray("can, must and should") }),
    };

    private static JsonObject Sections(JsonNode outline, int? noteId)
    {
        var sections = new JsonArray();
        foreach (var section in outline["sections"]!.AsArray())
        {
            var heading = section!["heading"]!.GetValue<string>();
            sections.Add(new JsonObject
            {
                ["heading"] = heading,
                ["body"] = noteId is { } id ? $"What the notes say about {heading} [{id}]." : $"The basics of {heading}.",
                ["citationIds"] = noteId is { } cited ? new JsonArray(cited) : new JsonArray(),
            });
        }

        return new JsonObject { ["sections"] = sections };
    }

    private static JsonArray Exercises() => new(
        new JsonObject { ["prompt"] = "Write the past simple of go.", ["answer"] = "went" },
        new JsonObject { ["prompt"] = "Correct the sentence: She can to swim.", ["answer"] = "She can swim." });

    private static JsonArray Quiz() => new(
        new JsonObject
        {
            ["question"] = "What is the past simple of see?",
            ["choices"] = new JsonArray("seed", "saw", "seen"),
            ["answerIndex"] = 1,
            ["explanation"] = "See is irregular: see, saw, seen.",
        },
        new JsonObject
        {
            ["question"] = "Which word is a modal verb?",
            ["choices"] = new JsonArray("must", "walk"),
            ["answerIndex"] = 0,
            ["explanation"] = "Must expresses obligation.",
        });

    private static string UserMessage(JsonElement request) =>
        request.GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("role").GetString() == "user")
            .GetProperty("content").GetString() ?? string.Empty;

    /// <summary>The JSON value on the line after "BEGIN LESSON MATERIAL (label)".</summary>
    private static JsonNode Material(string user)
    {
        var lines = user.Split('\n');
        var begin = Array.FindIndex(lines, l => l.StartsWith(MaterialBegin, StringComparison.Ordinal));
        if (begin < 0 || begin + 1 >= lines.Length)
        {
            throw new InvalidOperationException("The prompt carries no lesson material.");
        }

        return JsonNode.Parse(lines[begin + 1])!;
    }

    /// <summary>The number of the first note between the note markers ("[3] {...}"), or null when there are none.</summary>
    private static int? FirstNoteId(string user)
    {
        var inNotes = false;
        foreach (var line in user.Split('\n'))
        {
            if (line.StartsWith(NotesBegin, StringComparison.Ordinal))
            {
                inNotes = true;
            }
            else if (line.StartsWith(NotesEnd, StringComparison.Ordinal))
            {
                return null;
            }
            else if (inNotes && line.StartsWith('[') && line.IndexOf(']', StringComparison.Ordinal) is var close and > 1
                && int.TryParse(line.AsSpan(1, close - 1), out var id))
            {
                return id;
            }
        }

        return null;
    }
}
