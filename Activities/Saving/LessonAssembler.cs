using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;

namespace DurableLessons.Activities.Saving;

/// <summary>Turns a reviewed draft into the stored lesson: citations are the notes the lesson actually cites.</summary>
public static class LessonAssembler
{
    public static LessonDocument Assemble(ReviewResult review, ResearchPack research, string generator, ModelUsage usage)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(research);

        var draft = review.Draft;
        var cited = draft.Sections.SelectMany(s => s.CitationIds).ToHashSet();
        var citations = research.Notes
            .Where(note => cited.Count == 0 || cited.Contains(note.Id))
            .OrderBy(note => note.Id)
            .Select(note => new Citation(note.Id, note.Title, note.Url, note.Source))
            .ToList();

        return new LessonDocument(
            draft.Outline.Title,
            draft.Outline.Summary,
            draft.Outline.Objectives,
            draft.Sections,
            draft.Exercises,
            draft.Quiz,
            citations,
            review.Notes,
            generator,
            usage)
        {
            Grounding = research.Notes.Count == 0 ? LessonGrounding.None : LessonGrounding.Notes,
        };
    }
}
