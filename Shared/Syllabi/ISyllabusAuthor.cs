using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Research;

namespace DurableLessons.Shared.Syllabi;

/// <summary>
/// The syllabus step: one call that plans modules of lesson skeletons from research notes. The model-backed
/// implementation uses the same provider chain and fallback as <see cref="ILessonAuthor"/> and throws
/// <see cref="AllProvidersFailedException"/> when no provider produced a valid plan; lesson titles are unique.
/// </summary>
public interface ISyllabusAuthor
{
    Task<AuthorResult<SyllabusPlan>> PlanAsync(SyllabusBrief brief, ResearchPack research, CancellationToken cancellationToken);
}
