namespace DurableLessons.Shared.Lessons;

/// <summary>What a client POSTs to /api/lessons.</summary>
public sealed record LessonRequest(
    string? Subject,
    string? Topic,
    string? Level,
    string? UserId = null,
    string? Language = null,
    IReadOnlyList<string>? Sources = null);

/// <summary>The validated input of a LessonGeneration run: everything the orchestrator needs, fixed at start so replay is deterministic.</summary>
public sealed record LessonRunInput(
    string Subject,
    string Topic,
    LessonLevel Level,
    string? UserId,
    string Language,
    IReadOnlyList<string> Sources,
    int SourceTimeoutSeconds,
    int RunTimeoutSeconds,
    int NoteTokenBudget)
{
    public LessonKey Key => new(Subject, Topic, Level);

    /// <summary>From <c>Lessons:StorageRetryAttempts</c>; runs started before it existed get the default.</summary>
    public int StorageRetryAttempts { get; init; } = LessonOptions.DefaultStorageRetryAttempts;
}

/// <summary>
/// The output of a LessonGeneration run. <paramref name="Generator"/> names every model (or the offline generator)
/// that wrote a step, in the order first used, comma-separated; <paramref name="SkippedSources"/> says which
/// research sources failed or timed out, and why.
/// </summary>
public sealed record LessonRunResult(
    string Subject,
    string Topic,
    string Level,
    string Version,
    string Title,
    string Url,
    string Generator,
    ModelUsage Usage,
    IReadOnlyList<string> SkippedSources);

/// <summary>Progress shown as the run's custom status; small and fixed in shape (Durable caps custom status at 16 KB).</summary>
public sealed record LessonProgress(string Stage, int Percent, string Message, int SourcesDone, int SourcesTotal);
