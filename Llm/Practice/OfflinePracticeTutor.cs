using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;

namespace DurableLessons.Llm.Practice;

/// <summary>
/// The tutor with no model: the answer key for choices and gaps, a rubric of the answer key's key terms for free
/// text, and the best-matching lesson sentences (BM25), quoted and cited, for questions. It says it is offline.
/// </summary>
public sealed class OfflinePracticeTutor : IPracticeTutor
{
    public const string GeneratorName = "offline";
    private const double PassingShare = 0.5;

    public Task<AuthorResult<PracticeGrade>> GradeAsync(PracticeTask task, string answer, LessonDocument lesson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(lesson);
        return Task.FromResult(task.Kind == PracticeTaskKind.FreeText
            ? new AuthorResult<PracticeGrade>(Rubric(task, answer, lesson), ModelUsage.None, GeneratorName)
            : new AuthorResult<PracticeGrade>(AnswerKeyGrader.Grade(task, answer, lesson), ModelUsage.None, AnswerKeyGrader.Generator));
    }

    public Task<AuthorResult<TutorAnswer>> AnswerAsync(string question, LessonDocument lesson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(lesson);
        var best = LessonPassages.Best(lesson, question, count: 2);
        var answer = best.Count == 0
            ? new TutorAnswer("(Offline tutor) The lesson does not say anything that matches this question; try other words, or ask about one of its sections.", [], GeneratorName)
            : new TutorAnswer(
                "(Offline tutor) The lesson says: " + string.Join(" ", best.Select(p => $"“{p.Text}” ({p.Heading}{Markers(p.CitationIds)})")),
                PracticeCitations.Of(lesson, best.SelectMany(p => p.CitationIds)),
                GeneratorName);
        return Task.FromResult(new AuthorResult<TutorAnswer>(answer, ModelUsage.None, GeneratorName));
    }

    /// <summary>The share of the answer key's key terms the answer mentions; right from half of them.</summary>
    private static PracticeGrade Rubric(PracticeTask task, string answer, LessonDocument lesson)
    {
        var keyTerms = AnswerText.Terms(KeyIdeas(task.AnswerKey)).Distinct(StringComparer.Ordinal).ToList();
        var answered = AnswerText.Terms(answer).ToHashSet(StringComparer.Ordinal);
        var citations = PracticeCitations.Of(lesson, task.CitationIds);
        if (keyTerms.Count == 0)
        {
            return new PracticeGrade(true, 1, "(Graded offline) Answers vary for this task; compare yours with the lesson.", null, citations, GeneratorName);
        }

        var missing = keyTerms.Where(term => !answered.Contains(term)).ToList();
        var score = Math.Round((keyTerms.Count - missing.Count) / (double)keyTerms.Count, 2);
        var correct = score >= PassingShare;
        var feedback = correct
            ? $"(Graded offline) Good: your answer covers {keyTerms.Count - missing.Count} of the {keyTerms.Count} key ideas."
            : $"(Graded offline) Your answer covers {keyTerms.Count - missing.Count} of the {keyTerms.Count} key ideas.";
        var hint = correct ? null : $"Say more about: {string.Join(", ", missing.Take(3))}.";
        return new PracticeGrade(correct, score, feedback, hint, citations, GeneratorName);
    }

    // The offline author's model answers start with a lead-in that is not part of the ideas.
    private static string KeyIdeas(string answerKey) =>
        answerKey.Replace("A good answer mentions:", string.Empty, StringComparison.OrdinalIgnoreCase);

    private static string Markers(IReadOnlyList<int> ids) => ids.Count == 0 ? string.Empty : " " + string.Join(' ', ids.Select(id => $"[{id}]"));
}
