using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;

namespace DurableLessons.Llm.Offline;

/// <summary>Notes that become one lesson section: the same document heading, strongest note first.</summary>
internal sealed record NoteGroup(string Heading, IReadOnlyList<ResearchNote> Notes);

/// <summary>How much of the notes the offline lesson uses, by level: more sections and longer quotes for advanced learners.</summary>
internal sealed record OfflineDepth(int MaxSections, int MaxNotesPerSection, int MaxExcerptLength)
{
    public static OfflineDepth For(string level)
    {
        if (!LessonLevels.TryParse(level, out var parsed))
        {
            parsed = LessonLevel.Intermediate;
        }

        return parsed switch
        {
            LessonLevel.Beginner => new(3, 2, 600),
            LessonLevel.Intermediate => new(4, 3, 900),
            LessonLevel.Advanced => new(5, 3, 1300),
            _ => new(6, 4, 1800),
        };
    }
}

internal static class NoteGroups
{
    private static readonly HashSet<string> GenericFragments = new(StringComparer.OrdinalIgnoreCase)
    {
        "overview", "introduction", "intro", "summary", "basics", "top", "contents", "main",
    };

    /// <summary>Numbered notes with text, strongest (highest score, then lowest id) first.</summary>
    public static IReadOnlyList<ResearchNote> Usable(ResearchPack research) =>
        research.Notes
            .Where(n => n.Id > 0 && !string.IsNullOrWhiteSpace(n.Text))
            .OrderByDescending(n => n.Score)
            .ThenBy(n => n.Id)
            .ToArray();

    /// <summary>The sections of the lesson: notes grouped by heading, groups in order of their strongest note.</summary>
    public static IReadOnlyList<NoteGroup> From(ResearchPack research, OfflineDepth depth)
    {
        var groups = new List<(string Heading, List<ResearchNote> Notes)>();
        foreach (var note in Usable(research))
        {
            var heading = HeadingOf(note);
            var group = groups.FindIndex(g => string.Equals(g.Heading, heading, StringComparison.OrdinalIgnoreCase));
            if (group >= 0)
            {
                if (groups[group].Notes.Count < depth.MaxNotesPerSection)
                {
                    groups[group].Notes.Add(note);
                }
            }
            else if (groups.Count < depth.MaxSections)
            {
                groups.Add((heading, [note]));
            }
        }

        return groups.Select(g => new NoteGroup(g.Heading, g.Notes)).ToArray();
    }

    /// <summary>
    /// The note's title, refined by its URL fragment when the title does not already say it, so chunks of one
    /// document ("Irregular verbs" #past-participle) get headings of their own.
    /// </summary>
    public static string HeadingOf(ResearchNote note)
    {
        var title = string.IsNullOrWhiteSpace(note.Title) ? note.Source : LessonText.Plain(note.Title);
        var hash = note.Url.LastIndexOf('#');
        if (hash < 0 || hash == note.Url.Length - 1)
        {
            return title;
        }

        var fragment = Uri.UnescapeDataString(note.Url[(hash + 1)..]).Replace('-', ' ').Replace('_', ' ').Trim();
        if (fragment.Length == 0 || GenericFragments.Contains(fragment) || title.Contains(fragment, StringComparison.OrdinalIgnoreCase))
        {
            return title;
        }

        return $"{title}: {LessonText.Capitalize(fragment)}";
    }
}
