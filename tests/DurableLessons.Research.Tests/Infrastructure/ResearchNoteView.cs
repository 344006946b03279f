using DurableLessons.Shared.Research;

namespace DurableLessons.Research.Tests.Infrastructure;

/// <summary>A note's citation fields, for one-line equality assertions.</summary>
internal sealed record ResearchNoteView(string Title, string Url, string Source)
{
    public static ResearchNoteView Of(ResearchNote note) => new(note.Title, note.Url, note.Source);
}
