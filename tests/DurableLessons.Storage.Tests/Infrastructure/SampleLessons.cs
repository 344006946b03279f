using System.Text;
using System.Text.Json;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Serialization;

namespace DurableLessons.Storage.Tests.Infrastructure;

internal static class SampleLessons
{
    public static LessonDocument Document(string title, int bodyCharacters = 200)
    {
        var body = Text(bodyCharacters);
        return new LessonDocument(
            Title: title,
            Summary: $"Summary of {title}",
            Objectives: ["Understand the idea", "Apply it"],
            Sections: [new LessonSection("Introduction", body, [1]), new LessonSection("Practice", "Short section.", [])],
            Exercises: [new Exercise("Try it: 'quote' \"double\"", "Answer")],
            Quiz: [new QuizQuestion("Which?", ["a", "b", "c"], 1, "Because b.")],
            Citations: [new Citation(1, "Source", "https://example.org/a?b=c#d", "web")],
            ReviewNotes: ["Reviewed"],
            Generator: "test-generator",
            Usage: new ModelUsage(3, 1200, 800));
    }

    /// <summary>Text of the given length mixing ASCII, accents, emoji (surrogate pairs), quotes, backslashes and line breaks.</summary>
    public static string Text(int characters)
    {
        const string Pattern = "Lorem ipsum \"quoted\" and 'single' \\ back/slash #hash ?query ünïcødé 😀 ∑ line\r\nbreak\ttab. ";
        var builder = new StringBuilder(characters + Pattern.Length);
        while (builder.Length < characters)
        {
            builder.Append(Pattern);
        }

        return builder.ToString();
    }

    /// <summary>Records hold lists, which compare by reference: compare documents by their JSON.</summary>
    public static string Json(LessonDocument? document) => JsonSerializer.Serialize(document, WorkflowJson.Options);
}
