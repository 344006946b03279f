using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Syllabi;

/// <summary>
/// A lesson to be written: its plan only. Its content is generated on demand or in a batch as a regular lesson whose
/// key is <see cref="SyllabusDocument.LessonKeyFor"/> (subject = the syllabus topic, topic = this title).
/// </summary>
public sealed record LessonSkeleton(string Id, string Title, string Summary, IReadOnlyList<string> Objectives, int EstimatedMinutes);

public sealed record SyllabusModule(string Title, IReadOnlyList<LessonSkeleton> Lessons);

/// <summary>A stored syllabus. Lesson states are not stored: they are read from the lessons' runs and versions.</summary>
public sealed record SyllabusDocument(
    string Id,
    string Topic,
    LessonLevel Level,
    string? Goals,
    string Language,
    DateTimeOffset CreatedAt,
    string Generator,
    IReadOnlyList<SyllabusModule> Modules)
{
    public IEnumerable<LessonSkeleton> Lessons => Modules.SelectMany(m => m.Lessons);

    public LessonSkeleton? FindLesson(string lessonId) =>
        Lessons.FirstOrDefault(l => string.Equals(l.Id, lessonId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The lesson a skeleton maps to: subject = the syllabus topic, topic = the skeleton's title, same level.</summary>
    public LessonKey LessonKeyFor(LessonSkeleton skeleton)
    {
        ArgumentNullException.ThrowIfNull(skeleton);
        return new LessonKey(Topic, skeleton.Title, Level);
    }
}
