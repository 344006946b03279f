using DurableLessons.Shared.Research;

namespace DurableLessons.Research.Text;

/// <summary>How sources turn a <see cref="ResearchQuery"/> into search text.</summary>
internal static class ResearchQueryText
{
    /// <summary>
    /// The topic followed by the subject's words that the topic does not already contain, e.g. "irregular verbs english".
    /// Web search engines get only this: level words such as "beginner" narrow their results to the wrong pages.
    /// </summary>
    public static string Keywords(ResearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = new List<string>();
        foreach (var word in Words(query.Topic).Concat(Words(query.Subject)))
        {
            if (!words.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                words.Add(word);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>Extra terms that favour notes pitched at the level; they only add to a match, never make one.</summary>
    public static IReadOnlyList<string> LevelWords(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "beginner" => ["introduction", "basics", "simple"],
        "advanced" or "expert" => ["advanced"],
        _ => [],
    };

    private static string[] Words(string? text) =>
        (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
