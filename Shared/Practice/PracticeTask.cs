using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Practice;

/// <summary>How a practice task is answered and graded.</summary>
public enum PracticeTaskKind
{
    /// <summary>A quiz question: one of its choices; graded against the answer key, no model call.</summary>
    Choice,

    /// <summary>An exercise with a gap to fill: a word or phrase; graded against the answer key, no model call.</summary>
    GapFill,

    /// <summary>An exercise answered in the learner's own words: graded by the model chain, or offline by a rubric.</summary>
    FreeText,
}

/// <summary>
/// One task of a practice session, as the lesson version defines it. <see cref="AnswerKey"/> and
/// <see cref="Explanation"/> stay on the server: learners see <see cref="PracticeTaskView"/> only.
/// Ids are stable per lesson version: <c>exercise-1</c>, <c>exercise-2</c>, …, then <c>quiz-1</c>, ….
/// </summary>
public sealed record PracticeTask(
    string Id,
    PracticeTaskKind Kind,
    string Prompt,
    IReadOnlyList<string>? Choices,
    string AnswerKey,
    string? Explanation,
    IReadOnlyList<int> CitationIds)
{
    public PracticeTaskView View(int attempt) => new(Id, Kind, Prompt, Choices, attempt);
}

/// <summary>What a learner sees of a task (never its answer key).</summary>
public sealed record PracticeTaskView(string Id, PracticeTaskKind Kind, string Prompt, IReadOnlyList<string>? Choices, int Attempt);

/// <summary>The lesson version a session practises.</summary>
public sealed record PracticeLessonRef(string Subject, string Topic, LessonLevel Level, string Version)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public LessonKey Key => new(Subject, Topic, Level);
}
