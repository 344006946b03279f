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
}

/// <summary>The output of a LessonGeneration run.</summary>
public sealed record LessonRunResult(
    string Subject,
    string Topic,
    string Level,
    string Version,
    string Title,
    string Url,
    string Generator,
    ModelUsage Usage);

/// <summary>Progress shown as the run's custom status; small and fixed in shape (Durable caps custom status at 16 KB).</summary>
public sealed record LessonProgress(string Stage, int Percent, string Message, int SourcesDone, int SourcesTotal);
