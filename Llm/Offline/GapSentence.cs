namespace DurableLessons.Llm.Offline;

/// <summary>A sentence of the lesson with one term blanked out: the seed of a gap-fill exercise or quiz question.</summary>
internal sealed record GapSentence(string Heading, Sentence Sentence, string Answer, string Gapped, bool Emphasised)
{
    public string Citations => Sentence.CitationIds.Count == 0 ? string.Empty : " " + string.Join(' ', Sentence.CitationIds.Select(LessonText.Marker));

    /// <summary>
    /// Blanks the first term the author emphasised, else the longest content word that is not one of the
    /// <paramref name="obviousWords"/> (the words of the subject, topic and heading, which would make the gap trivial).
    /// </summary>
    public static GapSentence? TryCreate(string heading, Sentence sentence, IReadOnlySet<string> obviousWords)
    {
        var emphasised = LessonText.EmphasisedTerms(sentence.Markdown).FirstOrDefault(t => LessonText.IndexOfWhole(sentence.Plain, t) >= 0);
        var answer = emphasised
            ?? LessonText.ContentWords(sentence.Plain)
                .Where(w => !obviousWords.Contains(w))
                .Select((word, position) => (word, position))
                .OrderByDescending(x => x.word.Length)
                .ThenBy(x => x.position)
                .Select(x => x.word)
                .FirstOrDefault();
        if (answer is null)
        {
            return null;
        }

        var index = LessonText.IndexOfWhole(sentence.Plain, answer);
        if (index < 0)
        {
            return null;
        }

        var gapped = string.Concat(sentence.Plain.AsSpan(0, index), LessonText.Gap, sentence.Plain.AsSpan(index + answer.Length));
        return new GapSentence(heading, sentence, sentence.Plain.Substring(index, answer.Length), gapped, emphasised is not null);
    }
}
