using System.Collections.Concurrent;
using DurableLessons.Llm.Offline;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;

namespace DurableLessons.Spa.Tests;

/// <summary>
/// The offline author, except that while the gate is closed every step waits for it (so lesson runs stay
/// generating until the test opens it), and that steps fail for lessons whose topic is in <see cref="FailingTopics"/>,
/// as a model chain whose providers all fail would.
/// </summary>
public sealed class GatedLessonAuthor : ILessonAuthor
{
    private readonly OfflineLessonAuthor inner = new();
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedLessonAuthor(bool open = true)
    {
        if (open)
        {
            Open();
        }
    }

    /// <summary>Lesson topics (normalized, as in <see cref="LessonKey"/>) whose steps throw.</summary>
    public ConcurrentDictionary<string, bool> FailingTopics { get; } = new(StringComparer.Ordinal);

    public void Open() => gate.TrySetResult();

    public Task<AuthorResult<LessonOutline>> OutlineAsync(LessonBrief brief, ResearchPack research, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.OutlineAsync(brief, research, cancellationToken), cancellationToken);

    public Task<AuthorResult<IReadOnlyList<LessonSection>>> WriteSectionsAsync(LessonBrief brief, LessonOutline outline, ResearchPack research, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.WriteSectionsAsync(brief, outline, research, cancellationToken), cancellationToken);

    public Task<AuthorResult<IReadOnlyList<Exercise>>> WriteExercisesAsync(LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.WriteExercisesAsync(brief, outline, sections, cancellationToken), cancellationToken);

    public Task<AuthorResult<IReadOnlyList<QuizQuestion>>> WriteQuizAsync(LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.WriteQuizAsync(brief, outline, sections, cancellationToken), cancellationToken);

    public Task<AuthorResult<ReviewResult>> ReviewAsync(LessonBrief brief, LessonDraft draft, ResearchPack research, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.ReviewAsync(brief, draft, research, cancellationToken), cancellationToken);

    private async Task<T> RunAsync<T>(LessonBrief brief, Func<Task<T>> step, CancellationToken cancellationToken)
    {
        await gate.Task.WaitAsync(cancellationToken);
        if (FailingTopics.ContainsKey(LessonKey.Normalize(brief.Topic)))
        {
            throw new AllProvidersFailedException($"Every LLM provider failed for '{brief.Topic}': test-provider: HTTP 500.");
        }

        return await step();
    }
}
