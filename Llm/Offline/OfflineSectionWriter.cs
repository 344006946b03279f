using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;

namespace DurableLessons.Llm.Offline;

/// <summary>
/// Writes each outline section from the notes behind it: the notes' own words (cut to the level's length), every
/// passage followed by the number of the note it quotes.
/// </summary>
internal static class OfflineSectionWriter
{
    public static IReadOnlyList<LessonSection> Write(LessonBrief brief, LessonOutline outline, ResearchPack research)
    {
        var depth = OfflineDepth.For(brief.Level);
        var groups = NoteGroups.From(research, depth);
        var usable = NoteGroups.Usable(research);
        var sections = new List<LessonSection>(outline.Sections.Count);
        foreach (var planned in outline.Sections)
        {
            var notes = groups.FirstOrDefault(g => string.Equals(g.Heading, planned.Heading, StringComparison.OrdinalIgnoreCase))?.Notes
                ?? [BestMatch(planned, usable)];
            sections.Add(Section(planned.Heading, notes, depth));
        }

        return sections;
    }

    private static LessonSection Section(string heading, IReadOnlyList<ResearchNote> notes, OfflineDepth depth)
    {
        var blocks = new List<string>();
        foreach (var note in notes)
        {
            var marker = " " + LessonText.Marker(note.Id);
            foreach (var block in LessonText.Blocks(LessonText.Excerpt(note.Text, depth.MaxExcerptLength)))
            {
                // Code and tables cannot carry a marker; they belong to the cited prose before them.
                blocks.Add(block.Kind == BlockKind.Prose ? block.Text + marker : block.Text);
            }
        }

        return new LessonSection(heading, LessonText.JoinBlocks(blocks), notes.Select(n => n.Id).Distinct().ToArray());
    }

    /// <summary>For an outline not written offline: the note sharing most words with the section's heading and key points.</summary>
    private static ResearchNote BestMatch(OutlineSection planned, IReadOnlyList<ResearchNote> notes)
    {
        var wanted = LessonText.WordSet(string.Join(' ', planned.KeyPoints.Prepend(planned.Heading)));
        return notes
            .Select((note, rank) => (note, rank, overlap: LessonText.WordSet(note.Title + " " + note.Text).Count(wanted.Contains)))
            .OrderByDescending(x => x.overlap)
            .ThenBy(x => x.rank)
            .First().note;
    }
}
