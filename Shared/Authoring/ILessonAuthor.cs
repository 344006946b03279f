using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;

namespace DurableLessons.Shared.Authoring;

/// <summary>The lesson being written: who it is for.</summary>
public sealed record LessonBrief(string Subject, string Topic, string Level, string Language);

/// <summary>A step's value, what it cost, and who produced it ("offline" or "{provider}/{model}").</summary>
public sealed record AuthorResult<T>(T Value, ModelUsage Usage, string Generator);

public sealed record ReviewResult(LessonDraft Draft, IReadOnlyList<string> Notes);

/// <summary>
/// The LLM chain, one method per step. The model-backed implementation tries providers in configured order and falls
/// back on 429/5xx/timeouts/invalid output; the offline implementation builds every step from the notes alone.
/// Implementations validate replies; when no provider produced a valid one they throw <see cref="AllProvidersFailedException"/>
/// listing each provider's reason (its inner exception is the last failure, e.g. <see cref="InvalidModelOutputException"/>).
/// </summary>
public interface ILessonAuthor
{
    Task<AuthorResult<LessonOutline>> OutlineAsync(LessonBrief brief, ResearchPack research, CancellationToken cancellationToken);

    Task<AuthorResult<IReadOnlyList<LessonSection>>> WriteSectionsAsync(LessonBrief brief, LessonOutline outline, ResearchPack research, CancellationToken cancellationToken);

    Task<AuthorResult<IReadOnlyList<Exercise>>> WriteExercisesAsync(LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken);

    Task<AuthorResult<IReadOnlyList<QuizQuestion>>> WriteQuizAsync(LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections, CancellationToken cancellationToken);

    /// <summary>Checks the draft against the notes and returns it with unsupported claims fixed, plus what was changed.</summary>
    Task<AuthorResult<ReviewResult>> ReviewAsync(LessonBrief brief, LessonDraft draft, ResearchPack research, CancellationToken cancellationToken);
}

/// <summary>
/// The author can only write from research notes and there are none; unlike a model's bad reply, asking again cannot
/// change that, so the step is not retried.
/// </summary>
public sealed class NoNotesToWriteFromException(string message) : Exception(message);

public sealed class InvalidModelOutputException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Every configured provider failed for one step; the message lists each provider's reason.</summary>
public sealed class AllProvidersFailedException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Every configured provider refused the step's prompt through its content filter; the message names the filter
/// categories. Asking again with the same prompt gets the same refusal, so the step is not retried.
/// </summary>
public sealed class ContentFilteredException(string message, Exception? innerException = null) : Exception(message, innerException);
