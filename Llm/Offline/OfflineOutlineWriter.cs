using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Text;

namespace DurableLessons.Llm.Offline;

/// <summary>Plans the offline lesson: one section per group of notes, key points from the notes' opening sentences.</summary>
internal static class OfflineOutlineWriter
{
    private const int MaxKeyPointLength = 220;
    private const int MaxKeyPoints = 3;

    public static LessonOutline Write(LessonBrief brief, ResearchPack research)
    {
        var groups = NoteGroups.From(research, OfflineDepth.For(brief.Level));
        var title = Title(brief);
        var sources = groups.SelectMany(g => g.Notes).Select(n => n.Source).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var noteCount = groups.Sum(g => g.Notes.Count);
        var summary =
            $"{Article(brief.Level, capital: true)} {brief.Level} lesson on {brief.Topic} in {LessonText.Capitalize(brief.Subject)}, covering {Join(groups.Select(g => g.Heading))}. " +
            $"It was generated offline, without a language model, from {noteCount} research note{(noteCount == 1 ? string.Empty : "s")} ({string.Join(", ", sources)}): " +
            "the sections quote the notes, and every passage cites the note it comes from.";

        var objectives = groups.Select(g => $"Explain the key ideas of “{g.Heading}” and give an example").ToList();
        objectives.Add("Check your understanding with the gap-fill exercises and the quiz");

        var sections = groups.Select(g => new OutlineSection(g.Heading, KeyPoints(g))).ToArray();
        return new LessonOutline(title, summary, objectives, sections);
    }

    public static string Title(LessonBrief brief) =>
        $"{LessonText.Capitalize(brief.Topic.Trim())}: {Article(brief.Level, capital: false)} {brief.Level.Trim()} lesson in {LessonText.Capitalize(brief.Subject.Trim())}";

    /// <summary>The opening sentence of each note, then their second sentences, up to <see cref="MaxKeyPoints"/>.</summary>
    private static string[] KeyPoints(NoteGroup group)
    {
        var sentences = group.Notes.Select(n => LessonText.Sentences(n.Text).Select(s => s.Plain).ToArray()).ToArray();
        var points = Enumerable.Range(0, 2)
            .SelectMany(position => sentences.Where(s => s.Length > position).Select(s => s[position]))
            .Select(p => TextShortener.Shorten(p, MaxKeyPointLength))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxKeyPoints)
            .ToArray();
        return points.Length > 0 ? points : [group.Heading];
    }

    private static string Article(string word, bool capital)
    {
        var vowel = word.TrimStart().Length > 0 && "aeiouAEIOU".Contains(word.TrimStart()[0], StringComparison.Ordinal);
        return (vowel, capital) switch
        {
            (true, true) => "An",
            (true, false) => "an",
            (false, true) => "A",
            (false, false) => "a",
        };
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.Select(i => $"“{i}”").ToArray();
        return list.Length switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => $"{string.Join(", ", list[..^1])} and {list[^1]}",
        };
    }
}
