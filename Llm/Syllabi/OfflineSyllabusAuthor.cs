using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Syllabi;

namespace DurableLessons.Llm.Syllabi;

/// <summary>
/// Plans a syllabus without a model: one module per research document (notes grouped by title), one lesson per note,
/// titled after the note's section (its URL fragment) or its opening words. Titles are made unique.
/// </summary>
public sealed class OfflineSyllabusAuthor : ISyllabusAuthor
{
    public const string Generator = "offline";
    private const int MaxModules = 5;
    private const int MaxLessonsPerModule = 5;

    public Task<AuthorResult<SyllabusPlan>> PlanAsync(SyllabusBrief brief, ResearchPack research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        if (research.Notes.Count == 0)
        {
            throw new InvalidOperationException($"There are no research notes about '{brief.Topic}' to plan a syllabus from.");
        }

        var titles = new HashSet<string>(StringComparer.Ordinal);
        var minutes = MinutesFor(brief.Level);
        var modules = research.Notes
            .GroupBy(note => string.IsNullOrWhiteSpace(note.Title) ? brief.Topic : note.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .Take(MaxModules)
            .Select(group => new ModulePlan(
                group.Key,
                group.Take(MaxLessonsPerModule)
                    .Select(note => PlanLesson(group.Key, note, brief, minutes, titles))
                    .ToList()))
            .ToList();
        return Task.FromResult(new AuthorResult<SyllabusPlan>(new SyllabusPlan(modules), ModelUsage.None, Generator));
    }

    private static LessonPlan PlanLesson(string module, ResearchNote note, SyllabusBrief brief, int minutes, HashSet<string> titles)
    {
        var title = Unique(LessonTitle(note), titles);
        var opening = FirstSentence(note.Text);
        return new LessonPlan(
            title,
            $"Part of “{module}”: {opening}",
            [$"Explain {title.ToLowerInvariant()} in your own words", $"Apply {title.ToLowerInvariant()} in a {brief.Level} exercise"],
            minutes);
    }

    private static string LessonTitle(ResearchNote note)
    {
        var hash = note.Url.IndexOf('#', StringComparison.Ordinal);
        var raw = hash >= 0 && hash + 1 < note.Url.Length
            ? Uri.UnescapeDataString(note.Url[(hash + 1)..]).Replace('-', ' ')
            : string.Join(' ', FirstSentence(note.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8));
        var title = LessonKey.Normalize(raw);
        title = title.Length == 0 ? "overview" : title;
        title = title.Length > 80 ? title[..80].TrimEnd() : title;
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    private static string Unique(string title, HashSet<string> titles)
    {
        var candidate = title;
        for (var n = 2; !titles.Add(LessonKey.Normalize(candidate)); n++)
        {
            candidate = $"{title} ({n})";
        }

        return candidate;
    }

    private static string FirstSentence(string text)
    {
        var plain = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).TrimStart('#', ' ');
        var end = plain.IndexOfAny(['.', '!', '?']);
        var sentence = end > 0 ? plain[..(end + 1)] : plain;
        return sentence.Length <= 200 ? sentence : string.Concat(sentence.AsSpan(0, 200), "…");
    }

    private static int MinutesFor(string level) => LessonLevels.TryParse(level, out var parsed) ? 15 + (5 * (int)parsed) : 20;
}
