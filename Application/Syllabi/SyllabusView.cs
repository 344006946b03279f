namespace DurableLessons.Application.Syllabi;

/// <summary>How a lesson of a syllabus stands: pending (never generated), generating, completed or failed.</summary>
public static class LessonStates
{
    public const string Pending = "pending";
    public const string Generating = "generating";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

public sealed record LessonSkeletonView(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Objectives,
    int EstimatedMinutes,
    string State,
    string? RunId,
    string? Version,
    string? Error);

public sealed record SyllabusModuleView(string Title, IReadOnlyList<LessonSkeletonView> Lessons);

public sealed record SyllabusView(
    string Id,
    string Topic,
    string Level,
    string? Goals,
    DateTimeOffset CreatedAt,
    string Generator,
    IReadOnlyList<SyllabusModuleView> Modules);
