using System.Collections.Concurrent;
using DurableLessons.Llm.Offline;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;

namespace DurableLessons.Testing.Authoring;

/// <summary>
/// The product's own author (the offline one, or a model chain when the settings configure providers), except that every step fails for lessons whose topic is in <see cref="FailingTopics"/> (as a
/// model chain whose providers all fail would), the first steps of a topic in <see cref="TransientFailures"/> fail
/// that many times, every step of a topic in <see cref="FilteredTopics"/> is refused by the providers' content filter,
/// steps of a topic in <see cref="HeldTopics"/> wait for the test, and it measures how many lessons it writes at once.
/// </summary>
public sealed class ControllableLessonAuthor : ILessonAuthor
{
    private ILessonAuthor inner = new OfflineLessonAuthor();
    private readonly ConcurrentDictionary<string, int> inFlight = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int maxLessonsAtOnce;

    /// <summary>Puts the author that writes the steps behind this one (the offline author until then).</summary>
    public ControllableLessonAuthor Wrapping(ILessonAuthor author)
    {
        inner = author;
        return this;
    }

    public ConcurrentDictionary<string, bool> FailingTopics { get; } = new(StringComparer.Ordinal);

    /// <summary>Topics whose prompts every provider's content filter refuses, with the category it names.</summary>
    public ConcurrentDictionary<string, string> FilteredTopics { get; } = new(StringComparer.Ordinal);

    /// <summary>How many more step calls of a topic fail before the steps work (a model that recovers).</summary>
    public ConcurrentDictionary<string, int> TransientFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>Step calls made per topic, failed ones included.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>Lessons whose steps wait until the test completes the source: runs that stay active.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> HeldTopics { get; } = new(StringComparer.Ordinal);

    public int MaxLessonsAtOnce
    {
        get
        {
            lock (gate)
            {
                return maxLessonsAtOnce;
            }
        }
    }

    public Task<AuthorResult<LessonOutline>> OutlineAsync(LessonBrief brief, ResearchPack research, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.OutlineAsync(brief, research, cancellationToken));

    public Task<AuthorResult<IReadOnlyList<LessonSection>>> WriteSectionsAsync(LessonBrief brief, LessonOutline outline, ResearchPack research, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.WriteSectionsAsync(brief, outline, research, cancellationToken));

    public Task<AuthorResult<IReadOnlyList<Exercise>>> WriteExercisesAsync(LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.WriteExercisesAsync(brief, outline, sections, cancellationToken));

    public Task<AuthorResult<IReadOnlyList<QuizQuestion>>> WriteQuizAsync(LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.WriteQuizAsync(brief, outline, sections, cancellationToken));

    public Task<AuthorResult<ReviewResult>> ReviewAsync(LessonBrief brief, LessonDraft draft, ResearchPack research, CancellationToken cancellationToken) =>
        RunAsync(brief, () => inner.ReviewAsync(brief, draft, research, cancellationToken));

    private async Task<T> RunAsync<T>(LessonBrief brief, Func<Task<T>> step)
    {
        var lesson = LessonKey.Normalize(brief.Topic);
        Enter(lesson);
        try
        {
            // Long enough for lessons running side by side to overlap here, where they are counted.
            await Task.Delay(100);
            if (HeldTopics.TryGetValue(lesson, out var hold))
            {
                await hold.Task;
            }

            Calls.AddOrUpdate(lesson, 1, (_, count) => count + 1);
            if (FilteredTopics.TryGetValue(lesson, out var category))
            {
                throw new ContentFilteredException($"Every LLM provider refused the prompt for '{brief.Topic}': test-provider: content filter ({category}).");
            }

            if (FailingTopics.ContainsKey(lesson) || TakeTransientFailure(lesson))
            {
                throw new AllProvidersFailedException($"Every LLM provider failed for '{brief.Topic}': test-provider: HTTP 500.");
            }

            return await step();
        }
        finally
        {
            Exit(lesson);
        }
    }

    private bool TakeTransientFailure(string lesson)
    {
        while (TransientFailures.TryGetValue(lesson, out var left) && left > 0)
        {
            if (TransientFailures.TryUpdate(lesson, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private void Enter(string lesson)
    {
        lock (gate)
        {
            inFlight.AddOrUpdate(lesson, 1, (_, count) => count + 1);
            maxLessonsAtOnce = Math.Max(maxLessonsAtOnce, inFlight.Count(pair => pair.Value > 0));
        }
    }

    private void Exit(string lesson)
    {
        lock (gate)
        {
            inFlight.AddOrUpdate(lesson, 0, (_, count) => count - 1);
        }
    }
}
