using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Research;

namespace DurableLessons.Shared.Lessons;

/// <summary>Names of the lesson activities; orchestrations call activities by these names only.</summary>
public static class LessonActivityNames
{
    public const string ResearchSource = nameof(ResearchSource);
    public const string MergeResearch = nameof(MergeResearch);
    public const string WriteOutline = nameof(WriteOutline);
    public const string WriteSections = nameof(WriteSections);
    public const string WriteExercises = nameof(WriteExercises);
    public const string WriteQuiz = nameof(WriteQuiz);
    public const string ReviewLesson = nameof(ReviewLesson);
    public const string SaveLesson = nameof(SaveLesson);
    public const string DeleteRunArtifacts = nameof(DeleteRunArtifacts);
}

/// <summary>Names of the orchestrations.</summary>
public static class OrchestrationNames
{
    public const string LessonGeneration = nameof(LessonGeneration);
}

/// <summary>
/// Where a step's (possibly large) output lives in the artifact store. Orchestration history carries only this.
/// Keys are "{runId}/{part}" so a run's artifacts can be deleted together.
/// </summary>
public sealed record ArtifactRef(string Key)
{
    public static ArtifactRef For(string runId, string part) => new($"{runId}/{part}");
}

public sealed record ResearchSourceInput(string RunId, string Source, ResearchQuery Query);

/// <summary>One source's outcome; its notes are stored at <see cref="Notes"/> when there are any.</summary>
public sealed record ResearchSourceReport(string Source, int NoteCount, string? Error, double ElapsedMs, ArtifactRef? Notes);

public sealed record MergeResearchInput(string RunId, IReadOnlyList<ResearchSourceReport> Reports, int TokenBudget);

public sealed record MergeResearchOutput(ArtifactRef Pack, int NoteCount, int EstimatedTokens);

/// <summary>Input of every LLM step: the brief and the references of what the step reads.</summary>
public sealed record AuthorStepInput(string RunId, LessonBrief Brief, ArtifactRef Research, ArtifactRef? Outline = null, ArtifactRef? Sections = null, ArtifactRef? Exercises = null, ArtifactRef? Quiz = null);

public sealed record AuthorStepOutput(ArtifactRef Result, ModelUsage Usage, string Generator);

public sealed record SaveLessonInput(string RunId, string Subject, string Topic, LessonLevel Level, ArtifactRef ReviewedDraft, ArtifactRef Research, ModelUsage Usage, string Generator);

public sealed record SaveLessonOutput(string Version, string Title, string Generator);
