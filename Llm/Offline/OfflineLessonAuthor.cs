using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;

namespace DurableLessons.Llm.Offline;

/// <summary>
/// Writes every step from the research notes alone, with no model: the same input always gives the same output, and
/// the lesson says it was generated offline. Used when no LLM provider is configured. With no usable notes there is
/// nothing to write from, and it refuses rather than save an empty lesson.
/// </summary>
public sealed class OfflineLessonAuthor : ILessonAuthor
{
    public const string GeneratorName = "offline";

    public Task<AuthorResult<LessonOutline>> OutlineAsync(LessonBrief brief, ResearchPack research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        cancellationToken.ThrowIfCancellationRequested();
        RequireNotes(brief, research);
        return Done(OfflineOutlineWriter.Write(brief, research));
    }

    public Task<AuthorResult<IReadOnlyList<LessonSection>>> WriteSectionsAsync(
        LessonBrief brief, LessonOutline outline, ResearchPack research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(research);
        cancellationToken.ThrowIfCancellationRequested();
        RequireNotes(brief, research);
        return Done(OfflineSectionWriter.Write(brief, outline, research));
    }

    public Task<AuthorResult<IReadOnlyList<Exercise>>> WriteExercisesAsync(
        LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(sections);
        cancellationToken.ThrowIfCancellationRequested();
        return Done(OfflinePracticeWriter.Exercises(brief, outline, sections));
    }

    public Task<AuthorResult<IReadOnlyList<QuizQuestion>>> WriteQuizAsync(
        LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(sections);
        cancellationToken.ThrowIfCancellationRequested();
        return Done(OfflinePracticeWriter.Quiz(brief, outline, sections));
    }

    public Task<AuthorResult<ReviewResult>> ReviewAsync(LessonBrief brief, LessonDraft draft, ResearchPack research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(research);
        cancellationToken.ThrowIfCancellationRequested();
        RequireNotes(brief, research);
        return Done(OfflineReviewer.Review(draft, research));
    }

    private static Task<AuthorResult<T>> Done<T>(T value) => Task.FromResult(new AuthorResult<T>(value, ModelUsage.None, GeneratorName));

    private static void RequireNotes(LessonBrief brief, ResearchPack research)
    {
        if (NoteGroups.Usable(research).Count == 0)
        {
            throw new NoNotesToWriteFromException(
                $"The offline author writes only from research notes, and there are none about '{brief.Topic}'. " +
                "Configure a language model (Llm:Providers) to write a lesson from its own knowledge, or enable a research source that covers the topic.");
        }
    }
}
