using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Syllabi;

/// <summary>Stored syllabi. Saving is idempotent per id (an activity retried after a crash writes the same syllabus again).</summary>
public interface ISyllabusStore
{
    Task SaveAsync(SyllabusDocument syllabus, CancellationToken cancellationToken);

    /// <summary>The syllabus, or null when the id is unknown.</summary>
    Task<SyllabusDocument?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The most recently created syllabus for the (normalized) topic at the level, or null.</summary>
    Task<SyllabusDocument?> FindLatestAsync(string topic, LessonLevel level, CancellationToken cancellationToken);
}
