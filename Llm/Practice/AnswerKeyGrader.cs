using System.Globalization;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;

namespace DurableLessons.Llm.Practice;

/// <summary>
/// Grades choice and gap-fill answers against the answer key, without a model. A hint never gives the key away: for a
/// gap, its length and first letter; for a choice, one wrong choice ruled out.
/// </summary>
internal static class AnswerKeyGrader
{
    public const string Generator = "answer-key";

    public static PracticeGrade Grade(PracticeTask task, string answer, LessonDocument lesson)
    {
        var correct = task.Kind == PracticeTaskKind.Choice ? IsChosen(task, answer) : AnswerText.Normalize(answer) == AnswerText.Normalize(task.AnswerKey);
        var citations = PracticeCitations.Of(lesson, task.CitationIds);
        if (correct)
        {
            var why = task.Kind == PracticeTaskKind.Choice && !string.IsNullOrWhiteSpace(task.Explanation) ? $" {task.Explanation}" : string.Empty;
            return new PracticeGrade(true, 1, $"Right: “{task.AnswerKey}”.{why}", null, citations, Generator);
        }

        return new PracticeGrade(false, 0, "Not quite.", Hint(task, answer), citations, Generator);
    }

    private static bool IsChosen(PracticeTask task, string answer)
    {
        var choices = task.Choices ?? [];
        var index = IndexOf(choices, answer);
        return index >= 0 && AnswerText.Normalize(choices[index]) == AnswerText.Normalize(task.AnswerKey);
    }

    /// <summary>The choice an answer names: by its text, its letter (A, B, …) or its number (1, 2, …); -1 for none.</summary>
    private static int IndexOf(IReadOnlyList<string> choices, string answer)
    {
        var normalized = AnswerText.Normalize(answer);
        for (var i = 0; i < choices.Count; i++)
        {
            if (AnswerText.Normalize(choices[i]) == normalized)
            {
                return i;
            }
        }

        if (normalized.Length == 1 && normalized[0] is >= 'a' and <= 'z' && normalized[0] - 'a' < choices.Count)
        {
            return normalized[0] - 'a';
        }

        return int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count
            ? number - 1
            : -1;
    }

    private static string Hint(PracticeTask task, string answer)
    {
        if (task.Kind == PracticeTaskKind.Choice)
        {
            var choices = task.Choices ?? [];
            var chosen = IndexOf(choices, answer);
            var ruledOut = choices.Select((choice, index) => (choice, index))
                .FirstOrDefault(c => c.index != chosen && AnswerText.Normalize(c.choice) != AnswerText.Normalize(task.AnswerKey));
            return ruledOut.choice is null
                ? "Read the question again and compare the choices with the lesson."
                : $"It is not “{ruledOut.choice}” either. Compare the remaining choices with the lesson.";
        }

        var key = AnswerText.Normalize(task.AnswerKey);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1
            ? $"The missing words are {words.Length} words; the first starts with “{char.ToUpperInvariant(key[0])}”."
            : $"The missing word has {key.Length} letters and starts with “{char.ToUpperInvariant(key[0])}”.";
    }
}
