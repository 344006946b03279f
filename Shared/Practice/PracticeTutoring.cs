using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Practice;

/// <summary>
/// The verdict on one answer. <see cref="Hint"/> is given for a wrong answer and never reveals the answer key;
/// <see cref="Generator"/> names the model, <c>answer-key</c> (deterministic grading) or <c>offline</c> (the rubric).
/// </summary>
public sealed record PracticeGrade(bool Correct, double Score, string Feedback, string? Hint, IReadOnlyList<Citation> Citations, string Generator);

/// <summary>The tutor's answer to a question, with the lesson passages or sources it rests on.</summary>
public sealed record TutorAnswer(string Text, IReadOnlyList<Citation> Citations, string Generator);

/// <summary>
/// Grades answers and answers questions about one lesson version. Choice and gap-fill answers are graded against the
/// answer key without a model (case, white space, punctuation and accents do not matter); free-text answers by the
/// model chain (the answer key and the lesson as grounding) or, with no model configured, by a deterministic rubric
/// that says it is offline. Questions are answered from the lesson (model with citations; offline, the best-matching
/// passages quoted and cited).
/// </summary>
public interface IPracticeTutor
{
    Task<AuthorResult<PracticeGrade>> GradeAsync(PracticeTask task, string answer, LessonDocument lesson, CancellationToken cancellationToken);

    Task<AuthorResult<TutorAnswer>> AnswerAsync(string question, LessonDocument lesson, CancellationToken cancellationToken);
}
