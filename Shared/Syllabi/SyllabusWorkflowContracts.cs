using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Syllabi;

public static class SyllabusOrchestrationNames
{
    public const string SyllabusGeneration = nameof(SyllabusGeneration);
    public const string SyllabusBatchGeneration = nameof(SyllabusBatchGeneration);

    /// <summary>A syllabus run's instance id: one run per syllabus id.</summary>
    public static string GenerationInstanceId(string syllabusId) => $"syllabus~{syllabusId}";

    /// <summary>A batch run's instance id: at most one active batch per syllabus.</summary>
    public static string BatchInstanceId(string syllabusId) => $"syllabus-batch~{syllabusId}";
}

public static class SyllabusActivityNames
{
    public const string WriteSyllabus = nameof(WriteSyllabus);
    public const string SaveSyllabus = nameof(SaveSyllabus);
}

/// <summary>The validated input of a SyllabusGeneration run.</summary>
public sealed record SyllabusRunInput(
    string SyllabusId,
    string Topic,
    LessonLevel Level,
    string? Goals,
    string Language,
    IReadOnlyList<string> Sources,
    int MaxNotesPerSource,
    int NoteTokenBudget,
    int RunTimeoutSeconds);

/// <summary>The output of a SyllabusGeneration run: the syllabus id and where to read it.</summary>
public sealed record SyllabusRunResult(string Id, string Topic, string Level, string Url, int ModuleCount, int LessonCount, string Generator, ModelUsage Usage);

public sealed record WriteSyllabusInput(string RunId, SyllabusBrief Brief, ArtifactRef Research);

public sealed record SaveSyllabusInput(string SyllabusId, string Topic, LessonLevel Level, string? Goals, string Language, ArtifactRef Plan, string Generator);

public sealed record SaveSyllabusOutput(string Id, int ModuleCount, int LessonCount);

/// <summary>One lesson of a batch: the skeleton id and the lesson run to start for it.</summary>
public sealed record BatchLesson(string LessonId, string Title, LessonRunInput Run);

public sealed record SyllabusBatchInput(string SyllabusId, int Concurrency, IReadOnlyList<BatchLesson> Lessons);

public sealed record BatchProgress(int LessonsDone, int LessonsTotal, int LessonsFailed, int LessonsRunning);

public sealed record BatchLessonFailure(string LessonId, string Title, string Error);

public sealed record SyllabusBatchResult(string SyllabusId, int LessonsTotal, int LessonsCompleted, IReadOnlyList<BatchLessonFailure> Failures);

/// <summary>The public URLs of syllabi.</summary>
public static class SyllabusRoutes
{
    public const string Collection = "/api/syllabi";

    public static string Get(string id) => $"{Collection}/{Uri.EscapeDataString(id)}";
}
