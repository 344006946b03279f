using System.Text;
using DurableLessons.Shared.Research;

namespace DurableLessons.Research.Sources.DevTo;

/// <summary>
/// DEV tags are single lower-case words ("csharp", "sql", "beginners"), so the source tries the topic's words in
/// order, then the subject, and stops at the first tag with articles.
/// </summary>
internal static class DevToTags
{
    public const int MaxAttempts = 3;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "how", "what", "vs", "using", "intro", "introduction",
    };

    public static IReadOnlyList<string> Candidates(ResearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var candidates = new List<string>();
        foreach (var word in Words(query.Topic).Append(Compact(query.Subject)))
        {
            if (word.Length >= 2 && !Skipped.Contains(word) && !candidates.Contains(word, StringComparer.Ordinal))
            {
                candidates.Add(word);
            }
        }

        return candidates.Take(MaxAttempts).ToList();
    }

    private static IEnumerable<string> Words(string? text) =>
        (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Compact);

    /// <summary>"C#" → "csharp", "Node.js" → "nodejs", "Data Science" → "datascience".</summary>
    private static string Compact(string? text)
    {
        var lower = (text ?? string.Empty).Trim().ToLowerInvariant();
        lower = lower switch
        {
            "c#" => "csharp",
            "f#" => "fsharp",
            "c++" => "cpp",
            ".net" => "dotnet",
            _ => lower,
        };

        var tag = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                tag.Append(c);
            }
        }

        return tag.ToString();
    }
}
