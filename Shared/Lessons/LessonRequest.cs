using System.Text.Json.Serialization;

namespace DurableLessons.Shared.Lessons;

/// <summary>What a client POSTs to /api/lessons.</summary>
public sealed record LessonRequest(
    string? Subject,
    string? Topic,
    string? Level,
    string? UserId = null,
    string? Language = null,
    IReadOnlyList<string>? Sources = null);

/// <summary>
/// The input of a LessonGeneration run: everything the orchestrator needs, fixed at start so replay is deterministic.
/// Only <see cref="Subject"/>, <see cref="Topic"/> and <see cref="Level"/> are required (what a Durable client sends
/// to the management API); the others default to the documented settings' defaults. <see cref="Validated"/> applies
/// them and names the field that is wrong.
/// </summary>
public sealed record LessonRunInput(
    [property: JsonRequired] string Subject,
    [property: JsonRequired] string Topic,
    [property: JsonRequired] LessonLevel Level,
    string Language = LessonOptions.DefaultLanguageCode,
    IReadOnlyList<string>? Sources = null,
    int RunTimeoutSeconds = LessonOptions.DefaultRunTimeoutSeconds,
    int NoteTokenBudget = LessonOptions.DefaultNoteTokenBudget)
{
    /// <summary>The research source every host ships enabled: the local corpus.</summary>
    public const string DefaultSource = "local";

    public LessonKey Key => new(Subject, Topic, Level);

    /// <summary>From <c>Lessons:StorageRetryAttempts</c>; runs started before it existed get the default.</summary>
    public int StorageRetryAttempts { get; init; } = LessonOptions.DefaultStorageRetryAttempts;

    /// <summary>The sources to research, never empty once <see cref="Validated"/>.</summary>
    public IReadOnlyList<string> ResearchSources => Sources ?? [DefaultSource];

    /// <summary>
    /// This input with defaults for the optional fields, or an <see cref="ArgumentException"/> naming the first field
    /// that is missing or out of range. Orchestrations call it first, so bad input fails the run at once.
    /// </summary>
    public LessonRunInput Validated()
    {
        RunInputRules.RequireText(Subject, "subject");
        RunInputRules.RequireText(Topic, "topic");
        RunInputRules.RequireLevel(Level, "level");
        var settings = ToSettings().Validated();
        return this with { Language = settings.Language, Sources = settings.Sources };
    }

    /// <summary>Everything of this input but the lesson's key.</summary>
    public LessonRunSettings ToSettings() => new(Language, Sources, RunTimeoutSeconds, NoteTokenBudget, StorageRetryAttempts);
}

/// <summary>
/// What a lesson run is started with besides the lesson's key: the host's <c>Lessons</c> settings and research sources,
/// the same for every lesson of a regeneration.
/// </summary>
public sealed record LessonRunSettings(
    string Language = LessonOptions.DefaultLanguageCode,
    IReadOnlyList<string>? Sources = null,
    int RunTimeoutSeconds = LessonOptions.DefaultRunTimeoutSeconds,
    int NoteTokenBudget = LessonOptions.DefaultNoteTokenBudget,
    int StorageRetryAttempts = LessonOptions.DefaultStorageRetryAttempts)
{
    /// <summary>The run of one lesson with these settings.</summary>
    public LessonRunInput For(string subject, string topic, LessonLevel level) =>
        new(subject, topic, level, Language, Sources, RunTimeoutSeconds, NoteTokenBudget) { StorageRetryAttempts = StorageRetryAttempts };

    /// <summary>These settings with defaults applied, or an <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public LessonRunSettings Validated()
    {
        RunInputRules.RequireRange(RunTimeoutSeconds, 10, 86_400, "runTimeoutSeconds");
        RunInputRules.RequireRange(NoteTokenBudget, 200, 100_000, "noteTokenBudget");
        RunInputRules.RequireRange(StorageRetryAttempts, 1, 20, "storageRetryAttempts");
        if (Sources is { } sources && (sources.Count == 0 || sources.Any(string.IsNullOrWhiteSpace)))
        {
            throw new ArgumentException("The run input field 'sources' must name at least one research source, with no blank names.", "sources");
        }

        return this with
        {
            Language = string.IsNullOrWhiteSpace(Language) ? LessonOptions.DefaultLanguageCode : Language,
            Sources = Sources ?? [LessonRunInput.DefaultSource],
        };
    }
}

/// <summary>
/// The output of a LessonGeneration run. <paramref name="Generator"/> names every model (or the offline generator)
/// that wrote a step, in the order first used, comma-separated; <paramref name="SkippedSources"/> says which
/// research sources failed or timed out, and why; <paramref name="Grounding"/> is the saved lesson's
/// <see cref="LessonDocument.Grounding"/>.
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
    IReadOnlyList<string> SkippedSources,
    string Grounding = LessonGrounding.Notes);

/// <summary>Progress shown as the run's custom status; small and fixed in shape (Durable caps custom status at 16 KB).</summary>
public sealed record LessonProgress(string Stage, int Percent, string Message, int SourcesDone, int SourcesTotal);
