using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Syllabi;

/// <summary>
/// Who planned a syllabus and whether they shared it. Recorded when the plan is asked for, before the syllabus itself
/// is saved; a syllabus with no record (planned before learners signed in) belongs to no one and is readable by all.
/// </summary>
public sealed record SyllabusOwner(string SyllabusId, string OwnerKey, string Topic, LessonLevel Level, bool Shared, DateTimeOffset CreatedAt);

public interface ISyllabusOwners
{
    /// <summary>Records the owner unless the syllabus has one already; returns the record that holds.</summary>
    Task<SyllabusOwner> ClaimAsync(SyllabusOwner owner, CancellationToken cancellationToken);

    Task<SyllabusOwner?> GetAsync(string syllabusId, CancellationToken cancellationToken);

    /// <summary>Marks the syllabus shared (readable by every learner). Idempotent.</summary>
    Task ShareAsync(string syllabusId, CancellationToken cancellationToken);

    /// <summary>The syllabi one learner owns, newest first.</summary>
    Task<IReadOnlyList<SyllabusOwner>> ListAsync(string ownerKey, CancellationToken cancellationToken);
}
