using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Text;

namespace DurableLessons.Llm.Offline;

/// <summary>
/// The offline fact check: keeps only passages that cite an existing note, drops citations of notes that do not
/// exist and quiz questions that cannot be answered, and says what it removed.
/// </summary>
internal static class OfflineReviewer
{
    public const string OfflineNote =
        "Generated offline from the research notes, without a language model: the lesson quotes the notes, and the review kept only passages that cite one of them.";

    private const int QuoteLength = 80;

    public static ReviewResult Review(LessonDraft draft, ResearchPack research)
    {
        var noteIds = research.Notes.Where(n => n.Id > 0).Select(n => n.Id).ToHashSet();
        var changes = new List<string>();

        var sections = new List<LessonSection>();
        foreach (var section in draft.Sections)
        {
            if (ReviewSection(section, noteIds, changes) is { } kept)
            {
                sections.Add(kept);
            }
        }

        var keptHeadings = sections.Select(s => s.Heading).ToHashSet(StringComparer.Ordinal);
        var outline = draft.Outline with
        {
            Sections = draft.Outline.Sections.Where(s => keptHeadings.Contains(s.Heading) || draft.Sections.All(d => d.Heading != s.Heading)).ToArray(),
        };
        var exercises = draft.Exercises.Where(e => !string.IsNullOrWhiteSpace(e.Prompt) && !string.IsNullOrWhiteSpace(e.Answer)).ToArray();
        if (exercises.Length < draft.Exercises.Count)
        {
            changes.Add($"Removed {draft.Exercises.Count - exercises.Length} exercise(s) without a prompt or an answer.");
        }

        var quiz = new List<QuizQuestion>();
        foreach (var question in draft.Quiz)
        {
            if (question.Choices.Count >= 2 && question.AnswerIndex >= 0 && question.AnswerIndex < question.Choices.Count)
            {
                quiz.Add(question);
            }
            else
            {
                changes.Add($"Removed the quiz question “{TextShortener.Shorten(question.Question, QuoteLength)}”: its answer is not one of its choices.");
            }
        }

        if (changes.Count == 0)
        {
            changes.Add("Every passage cites an existing research note; nothing needed removing.");
        }

        return new ReviewResult(new LessonDraft(outline, sections, exercises, quiz), [OfflineNote, .. changes]);
    }

    private static LessonSection? ReviewSection(LessonSection section, HashSet<int> noteIds, List<string> changes)
    {
        var blocks = LessonText.Blocks(section.Body);
        var listedIds = section.CitationIds.Where(noteIds.Contains).ToArray();
        foreach (var missing in section.CitationIds.Where(id => !noteIds.Contains(id)).Distinct())
        {
            changes.Add($"Removed citation [{missing}] from “{section.Heading}”: there is no research note {missing}.");
        }

        // A body without inline markers relies on the section's citation list as a whole.
        if (blocks.All(b => LessonText.CitationIds(b.Text).Count == 0))
        {
            if (listedIds.Length > 0)
            {
                return section with { CitationIds = listedIds };
            }

            changes.Add($"Removed the section “{section.Heading}”: it cites no research note.");
            return null;
        }

        var keep = new bool[blocks.Count];
        var texts = new string[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            texts[i] = blocks[i].Text;
            if (blocks[i].Kind != BlockKind.Prose)
            {
                continue;
            }

            var removed = new List<int>();
            texts[i] = LessonText.RemoveCitations(blocks[i].Text, noteIds.Contains, removed).TrimEnd();
            foreach (var id in removed.Distinct())
            {
                changes.Add($"Removed citation [{id}] from “{section.Heading}”: there is no research note {id}.");
            }

            keep[i] = LessonText.CitationIds(texts[i]).Count > 0;
            if (!keep[i])
            {
                changes.Add($"Removed an uncited passage from “{section.Heading}”: “{TextShortener.Shorten(LessonText.Plain(texts[i]), QuoteLength)}”.");
            }
        }

        // Code and tables stay with the prose they illustrate: the nearest prose block before them, else after.
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind == BlockKind.Prose)
            {
                continue;
            }

            var owner = NearestProse(blocks, i);
            keep[i] = owner >= 0 && keep[owner];
        }

        var body = LessonText.JoinBlocks(texts.Where((_, i) => keep[i]));
        if (body.Length == 0)
        {
            changes.Add($"Removed the section “{section.Heading}”: none of it cites a research note.");
            return null;
        }

        var cited = LessonText.CitationIds(body).Where(noteIds.Contains).ToArray();
        return section with { Body = body, CitationIds = cited };
    }

    private static int NearestProse(IReadOnlyList<Block> blocks, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (blocks[i].Kind == BlockKind.Prose)
            {
                return i;
            }
        }

        for (var i = index + 1; i < blocks.Count; i++)
        {
            if (blocks[i].Kind == BlockKind.Prose)
            {
                return i;
            }
        }

        return -1;
    }
}
