using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm.Practice;

/// <summary>
/// The tutor on the model chain (same providers, retries and fallback as the lesson steps) for free-text answers and
/// questions; choice and gap-fill answers are still graded against the answer key, with no model call.
/// </summary>
public sealed class ModelPracticeTutor : IPracticeTutor
{
    private readonly ProviderChain chain;

    internal ModelPracticeTutor(
        IOptions<LlmOptions> options, IAzureCredentialSource credentials, LessonTelemetry telemetry, TimeProvider timeProvider, ILogger<ModelPracticeTutor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        chain = ProviderChain.FromOptions(options.Value, credentials, telemetry, timeProvider, logger, nameof(ModelPracticeTutor));
    }

    public async Task<AuthorResult<PracticeGrade>> GradeAsync(PracticeTask task, string answer, LessonDocument lesson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(lesson);
        if (task.Kind != PracticeTaskKind.FreeText)
        {
            return new AuthorResult<PracticeGrade>(AnswerKeyGrader.Grade(task, answer, lesson), ModelUsage.None, AnswerKeyGrader.Generator);
        }

        var graded = await chain.RunAsync(
            new ModelStep<ModelGrade>("grade", PracticePrompts.Grade(task, answer, lesson), "practice_grade", PracticePrompts.GradeSchema, reply =>
            {
                var grade = ReplyReader.Read(reply, PracticeJsonContext.Default.ModelGrade);
                if (grade.Score is < 0 or > 1 || double.IsNaN(grade.Score) || string.IsNullOrWhiteSpace(grade.Feedback))
                {
                    throw new InvalidModelOutputException("the grade needs a score from 0 to 1 and feedback");
                }

                return grade;
            }),
            cancellationToken);
        var value = graded.Value;
        var hint = value.Correct || string.IsNullOrWhiteSpace(value.Hint) ? null : value.Hint;
        return new AuthorResult<PracticeGrade>(
            new PracticeGrade(value.Correct, value.Score, value.Feedback, hint, PracticeCitations.Of(lesson, task.CitationIds), graded.Generator),
            graded.Usage,
            graded.Generator);
    }

    public async Task<AuthorResult<TutorAnswer>> AnswerAsync(string question, LessonDocument lesson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var answered = await chain.RunAsync(
            new ModelStep<ModelAnswer>("answer", PracticePrompts.Answer(question, lesson), "practice_answer", PracticePrompts.AnswerSchema, reply =>
            {
                var answer = ReplyReader.Read(reply, PracticeJsonContext.Default.ModelAnswer);
                return string.IsNullOrWhiteSpace(answer.Answer) ? throw new InvalidModelOutputException("the answer is empty") : answer;
            }),
            cancellationToken);
        var citations = PracticeCitations.Of(lesson, answered.Value.CitationIds);
        return new AuthorResult<TutorAnswer>(new TutorAnswer(answered.Value.Answer, citations, answered.Generator), answered.Usage, answered.Generator);
    }
}
