using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Llm.Offline;

/// <summary>
/// Exercises and quiz questions built from the sections' own sentences: gap-fills, multiple choice with distractors
/// taken from the rest of the lesson, and "which section says this" questions.
/// </summary>
internal static class OfflinePracticeWriter
{
    private const int MaxSentenceLength = 320;
    private const int MaxExercises = 8;
    private const int MaxQuestions = 8;
    private const int MaxDistractors = 3;
    private const int MaxSectionQuestions = 2;

    public static IReadOnlyList<Exercise> Exercises(LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections)
    {
        var gaps = Gaps(brief, sections);
        var exercises = new List<Exercise>();
        foreach (var section in sections)
        {
            if (gaps.FirstOrDefault(g => g.Heading == section.Heading) is { } gap)
            {
                exercises.Add(new Exercise(
                    $"Fill in the gap (from “{section.Heading}”): {gap.Gapped}",
                    $"{gap.Answer}. The full sentence: “{gap.Sentence.Plain}”{gap.Citations}"));
            }
        }

        foreach (var section in sections.Take(2))
        {
            var keyPoints = outline.Sections.FirstOrDefault(s => s.Heading == section.Heading)?.KeyPoints
                ?? LessonText.Sentences(section.Body).Take(2).Select(s => s.Plain).ToArray();
            if (keyPoints.Count > 0)
            {
                exercises.Add(new Exercise(
                    $"In two or three sentences of your own, explain “{section.Heading}” to a classmate, and give one example.",
                    $"A good answer mentions: {string.Join(" ", keyPoints)}{Citations(section)}"));
            }
        }

        if (exercises.Count == 0)
        {
            exercises.Add(new Exercise(
                $"Find one reliable source about {brief.Topic} and write down three facts from it.",
                "Answers vary: check each fact against a second source."));
        }

        return exercises.Take(MaxExercises).ToArray();
    }

    public static IReadOnlyList<QuizQuestion> Quiz(LessonBrief brief, LessonOutline outline, IReadOnlyList<LessonSection> sections)
    {
        var gaps = Gaps(brief, sections);
        var pool = DistractorPool(gaps, sections);
        var questions = new List<QuizQuestion>();
        foreach (var section in sections)
        {
            // The exercises use a section's first gap sentence; the quiz prefers its second, so they ask different things.
            var candidates = gaps.Where(g => g.Heading == section.Heading).ToArray();
            var gap = candidates.Length > 1 ? candidates[1] : candidates.FirstOrDefault();
            if (gap is not null && GapQuestion(gap, pool) is { } question)
            {
                questions.Add(question);
            }
        }

        questions.AddRange(SectionQuestions(sections, gaps));
        return questions.Take(MaxQuestions).ToArray();
    }

    /// <summary>
    /// Every sentence that can be turned into a gap, section by section; within a section, gaps on a term the author
    /// emphasised come first, since those are the terms the notes want learners to remember.
    /// </summary>
    private static List<GapSentence> Gaps(LessonBrief brief, IReadOnlyList<LessonSection> sections)
    {
        var gaps = new List<GapSentence>();
        foreach (var section in sections)
        {
            var obvious = LessonText.WordSet($"{brief.Subject} {brief.Topic} {section.Heading}");
            gaps.AddRange(LessonText.Sentences(section.Body)
                .Where(s => s.Plain.Length <= MaxSentenceLength)
                .Select(s => GapSentence.TryCreate(section.Heading, s, obvious))
                .OfType<GapSentence>()
                .OrderBy(g => g.Emphasised ? 0 : 1));
        }

        return gaps;
    }

    /// <summary>Candidate wrong answers: the lesson's other gap answers and emphasised terms, then its other content words.</summary>
    private static List<string> DistractorPool(IReadOnlyList<GapSentence> gaps, IReadOnlyList<LessonSection> sections)
    {
        var sentences = sections.SelectMany(s => LessonText.Sentences(s.Body)).ToArray();
        var pool = new List<string>();
        foreach (var term in gaps.Select(g => g.Answer)
                     .Concat(sentences.SelectMany(s => LessonText.EmphasisedTerms(s.Markdown)))
                     .Concat(sentences.SelectMany(s => LessonText.ContentWords(s.Plain))))
        {
            if (!pool.Contains(term, StringComparer.OrdinalIgnoreCase))
            {
                pool.Add(term);
            }
        }

        return pool;
    }

    private static QuizQuestion? GapQuestion(GapSentence gap, IReadOnlyList<string> pool)
    {
        var answerWords = LessonText.WordCount(gap.Answer);
        var distractors = pool
            .Select((term, rank) => (term, rank))
            .Where(x => !string.Equals(x.term, gap.Answer, StringComparison.OrdinalIgnoreCase)
                        && LessonText.IndexOfWhole(gap.Sentence.Plain, x.term) < 0)
            .OrderBy(x => LessonText.WordCount(x.term) == answerWords ? 0 : 1)
            .ThenBy(x => Math.Abs(x.term.Length - gap.Answer.Length))
            .ThenBy(x => x.rank)
            .Take(MaxDistractors)
            .Select(x => x.term)
            .ToArray();
        if (distractors.Length == 0)
        {
            return null;
        }

        var (choices, answerIndex) = Place(gap.Answer, distractors, gap.Gapped);
        var noun = answerWords > 1 ? "words complete" : "word completes";
        return new QuizQuestion(
            $"Which {noun} this sentence from “{gap.Heading}”? {gap.Gapped}",
            choices,
            answerIndex,
            $"“{gap.Answer}”: the lesson says “{gap.Sentence.Plain}”{gap.Citations}");
    }

    private static IEnumerable<QuizQuestion> SectionQuestions(IReadOnlyList<LessonSection> sections, IReadOnlyList<GapSentence> gaps)
    {
        if (sections.Count < 2)
        {
            yield break;
        }

        var asked = 0;
        foreach (var section in sections)
        {
            if (asked == MaxSectionQuestions)
            {
                yield break;
            }

            // A sentence not already used for a gap question, so the quiz does not repeat itself.
            var used = gaps.Where(g => g.Heading == section.Heading).Take(2).Select(g => g.Sentence.Plain).ToHashSet(StringComparer.Ordinal);
            var sentence = LessonText.Sentences(section.Body).FirstOrDefault(s => !used.Contains(s.Plain) && s.Plain.Length <= MaxSentenceLength);
            if (sentence is null)
            {
                continue;
            }

            var others = sections.Where(s => s.Heading != section.Heading).Select(s => s.Heading).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxDistractors).ToArray();
            var (choices, answerIndex) = Place(section.Heading, others, sentence.Plain);
            var citations = sentence.CitationIds.Count == 0 ? string.Empty : " " + string.Join(' ', sentence.CitationIds.Select(LessonText.Marker));
            asked++;
            yield return new QuizQuestion(
                $"Which part of the lesson explains this? “{sentence.Plain}”",
                choices,
                answerIndex,
                $"It comes from “{section.Heading}”{citations}.");
        }
    }

    /// <summary>Puts the answer among the distractors at a position fixed by the question, so output never varies.</summary>
    private static (string[] Choices, int AnswerIndex) Place(string answer, string[] distractors, string seed)
    {
        var answerIndex = (int)(LessonText.StableHash(seed) % (uint)(distractors.Length + 1));
        var choices = distractors.ToList();
        choices.Insert(answerIndex, answer);
        return (choices.ToArray(), answerIndex);
    }

    private static string Citations(LessonSection section) =>
        section.CitationIds.Count == 0 ? string.Empty : " " + string.Join(' ', section.CitationIds.Select(LessonText.Marker));
}
