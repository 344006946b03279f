using DurableLessons.Llm.Offline;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Llm.Practice;

/// <summary>One sentence of a lesson section, with the citations of the paragraph it comes from.</summary>
internal sealed record LessonPassage(string Heading, string Text, IReadOnlyList<int> CitationIds, IReadOnlyList<string> Terms);

/// <summary>The lesson's sentences ranked by BM25 against a question: what the offline tutor quotes.</summary>
internal static class LessonPassages
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    public static IReadOnlyList<LessonPassage> All(LessonDocument lesson) =>
        lesson.Sections
            .SelectMany(section => LessonText.Sentences(section.Body).Select(sentence => new LessonPassage(
                section.Heading,
                sentence.Plain,
                sentence.CitationIds.Count > 0 ? sentence.CitationIds : section.CitationIds,
                AnswerText.Terms(sentence.Plain))))
            .ToList();

    public static IReadOnlyList<LessonPassage> Best(LessonDocument lesson, string question, int count)
    {
        var passages = All(lesson);
        var query = AnswerText.Terms(question).Distinct(StringComparer.Ordinal).ToList();
        if (passages.Count == 0 || query.Count == 0)
        {
            return [];
        }

        var averageLength = passages.Average(p => Math.Max(1, p.Terms.Count));
        var documentFrequency = query.ToDictionary(term => term, term => passages.Count(p => p.Terms.Contains(term)), StringComparer.Ordinal);
        return passages
            .Select(passage => (passage, score: query.Sum(term =>
            {
                var frequency = passage.Terms.Count(t => t == term);
                if (frequency == 0)
                {
                    return 0;
                }

                var idf = Math.Log(1 + ((passages.Count - documentFrequency[term] + 0.5) / (documentFrequency[term] + 0.5)));
                return idf * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * passage.Terms.Count / averageLength))));
            })))
            .Where(scored => scored.score > 0)
            .OrderByDescending(scored => scored.score)
            .Take(count)
            .Select(scored => scored.passage)
            .ToList();
    }
}
