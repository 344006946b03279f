using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Validation;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm.Model;

/// <summary>
/// Writes each step with one chat-completions call (strict JSON schema output) to the first configured provider that
/// returns a valid reply; see <see cref="ProviderChain"/> for the fallback rules and <see cref="LessonRules"/> for
/// what "valid" means.
/// </summary>
public sealed class ModelLessonAuthor : ILessonAuthor
{
    private readonly ProviderChain chain;

    internal ModelLessonAuthor(
        IOptions<LlmOptions> options, IAzureCredentialSource credentials, LessonTelemetry telemetry, TimeProvider timeProvider, ILogger<ModelLessonAuthor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        chain = ProviderChain.FromOptions(options.Value, credentials, telemetry, timeProvider, logger, nameof(ModelLessonAuthor));
    }

    /// <summary>"{Name}/{Model}" of every provider, in the order they are tried.</summary>
    public IReadOnlyList<string> Generators => chain.Providers.Select(p => p.Generator).ToArray();

    public Task<AuthorResult<LessonOutline>> OutlineAsync(LessonBrief brief, ResearchPack research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        return chain.RunAsync(
            new ModelStep<LessonOutline>("outline", LessonPrompts.Outline(brief, research), "lesson_outline", StepSchemas.Outline, reply =>
            {
                var outline = ReplyReader.Read(reply, LlmJsonContext.Default.LessonOutline);
                LessonRules.CheckOutline(outline);
                return outline;
            }),
            cancellationToken);
    }

    public Task<AuthorResult<IReadOnlyList<LessonSection>>> WriteSectionsAsync(
        LessonBrief brief, LessonOutline outline, ResearchPack research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(research);
        var noteIds = NoteIds(research);
        return chain.RunAsync(
            new ModelStep<IReadOnlyList<LessonSection>>("sections", LessonPrompts.Sections(brief, outline, research), "lesson_sections", StepSchemas.Sections, reply =>
            {
                var sections = ReplyReader.Read(reply, LlmJsonContext.Default.SectionsReply).Sections;
                LessonRules.CheckSections(sections, outline, noteIds);
                return sections;
            }),
            cancellationToken);
    }

    public Task<AuthorResult<IReadOnlyList<Exercise>>> WriteExercisesAsync(
        LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(sections);
        return chain.RunAsync(
            new ModelStep<IReadOnlyList<Exercise>>("exercises", LessonPrompts.Exercises(brief, outline, sections), "lesson_exercises", StepSchemas.Exercises, reply =>
            {
                var exercises = ReplyReader.Read(reply, LlmJsonContext.Default.ExercisesReply).Exercises;
                LessonRules.CheckExercises(exercises);
                return exercises;
            }),
            cancellationToken);
    }

    public Task<AuthorResult<IReadOnlyList<QuizQuestion>>> WriteQuizAsync(
        LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(sections);
        return chain.RunAsync(
            new ModelStep<IReadOnlyList<QuizQuestion>>("quiz", LessonPrompts.Quiz(brief, outline, sections), "lesson_quiz", StepSchemas.Quiz, reply =>
            {
                var questions = ReplyReader.Read(reply, LlmJsonContext.Default.QuizReply).Questions;
                LessonRules.CheckQuiz(questions);
                return questions;
            }),
            cancellationToken);
    }

    public Task<AuthorResult<ReviewResult>> ReviewAsync(LessonBrief brief, LessonDraft draft, ResearchPack research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(research);
        var noteIds = NoteIds(research);
        return chain.RunAsync(
            new ModelStep<ReviewResult>("review", LessonPrompts.Review(brief, draft, research), "lesson_review", StepSchemas.Review, reply =>
            {
                var parsed = ReplyReader.Read(reply, LlmJsonContext.Default.ReviewReply);
                var review = new ReviewResult(parsed.Draft, parsed.Changes);
                LessonRules.CheckReview(review, draft, noteIds);
                return review;
            }),
            cancellationToken);
    }

    private static HashSet<int> NoteIds(ResearchPack research) => research.Notes.Select(n => n.Id).ToHashSet();
}
