using System.Collections.Frozen;

namespace DurableLessons.Shared.Text;

/// <summary>
/// The words that carry no topic, in two strengths: <see cref="SearchTerms"/> for matching research against a query,
/// <see cref="Prose"/> for picking the content words of a lesson's sentences. Both ignore case.
/// </summary>
public static class StopWords
{
    /// <summary>Articles, conjunctions, prepositions, pronouns and question words: noise for both uses.</summary>
    private static readonly string[] FunctionWords =
    [
        "a", "an", "the", "and", "or", "but", "if", "then", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "into", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "there",
        "their", "they", "them", "you", "your", "than", "very", "also", "just", "about", "what", "which", "who", "how",
        "when", "where", "why",
    ];

    /// <summary>
    /// Deliberately small: modal and auxiliary verbs (can, must, do, have, will...) are lesson content, not noise, to a
    /// search; short pronouns are dropped.
    /// </summary>
    public static FrozenSet<string> SearchTerms { get; } = Set(
        FunctionWords,
        ["he", "she", "we", "i", "me", "my", "our", "his", "her", "so", "too", "whom"]);

    /// <summary>
    /// Also the auxiliaries, quantifiers and teaching filler ("example", "using") a sentence of a lesson is full of, so
    /// that a gap exercise or a rubric asks for a word of the topic. Not a superset of <see cref="SearchTerms"/>: "whom"
    /// stays a content word (a grammar gap may ask for it), and its short pronouns do not matter here.
    /// </summary>
    public static FrozenSet<string> Prose { get; } = Set(
        FunctionWords,
        [
            "after", "any", "because", "before", "both", "can", "could", "did", "do", "does", "each", "either", "had",
            "has", "have", "here", "however", "like", "many", "may", "more", "most", "much", "must", "neither", "not",
            "often", "one", "only", "other", "such", "through", "two", "usually", "while", "will", "would", "example",
            "examples", "called", "using", "used", "uses", "use", "some", "same", "every", "without", "within",
        ]);

    private static FrozenSet<string> Set(string[] common, string[] own) =>
        common.Concat(own).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
