using System.Text.RegularExpressions;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Practice;

/// <summary>
/// The tasks of a lesson version, in the order a session asks them: its exercises, then its quiz. An exercise whose
/// prompt has a gap (three or more underscores) is a gap-fill whose key is the answer's first clause (the offline
/// author writes "word. The full sentence: …"); any other exercise is free text, graded against its whole answer.
/// </summary>
public static partial class PracticeTaskList
{
    public static IReadOnlyList<PracticeTask> From(LessonDocument lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var tasks = new List<PracticeTask>(lesson.Exercises.Count + lesson.Quiz.Count);
        for (var index = 0; index < lesson.Exercises.Count; index++)
        {
            var exercise = lesson.Exercises[index];
            var gap = GapMarker().IsMatch(exercise.Prompt);
            tasks.Add(new PracticeTask(
                $"exercise-{index + 1}",
                gap ? PracticeTaskKind.GapFill : PracticeTaskKind.FreeText,
                exercise.Prompt,
                Choices: null,
                gap ? GapAnswer(exercise.Answer) : exercise.Answer,
                gap ? exercise.Answer : null,
                CitationIdsIn(exercise.Answer)));
        }

        for (var index = 0; index < lesson.Quiz.Count; index++)
        {
            var question = lesson.Quiz[index];
            var key = question.AnswerIndex >= 0 && question.AnswerIndex < question.Choices.Count ? question.Choices[question.AnswerIndex] : string.Empty;
            tasks.Add(new PracticeTask(
                $"quiz-{index + 1}", PracticeTaskKind.Choice, question.Question, question.Choices, key, question.Explanation, CitationIdsIn(question.Explanation)));
        }

        return tasks;
    }

    private static string GapAnswer(string answer)
    {
        var end = answer.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? answer[..end] : answer).Trim().TrimEnd('.');
    }

    private static List<int> CitationIdsIn(string text) =>
        CitationMarker().Matches(text).Select(match => int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

    [GeneratedRegex("_{3,}")]
    private static partial Regex GapMarker();

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex CitationMarker();
}
