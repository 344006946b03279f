using System.Text;

namespace DurableLessons.Research.Merging;

/// <summary>
/// Near-identical text by word 3-shingles: the same passage from two sources (a mirror, a syndicated article,
/// an excerpt of a longer note) shares almost all of its shingles even when punctuation, case or a few words differ.
/// </summary>
internal static class NearDuplicates
{
    public const int ShingleSize = 3;

    /// <summary>Jaccard similarity at or above which two texts are the same note.</summary>
    public const double SameTextJaccard = 0.8;

    /// <summary>Share of the shorter text's shingles found in the longer one at or above which the shorter is an excerpt.</summary>
    public const double ExcerptContainment = 0.9;

    /// <summary>Excerpt detection needs this many shingles, so a short phrase is not "contained" in every long note.</summary>
    public const int MinShinglesForContainment = 8;

    public static HashSet<string> Shingles(string text)
    {
        var words = Words(text);
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count < ShingleSize)
        {
            shingles.UnionWith(words);
            return shingles;
        }

        for (var i = 0; i + ShingleSize <= words.Count; i++)
        {
            shingles.Add(string.Join(' ', words.GetRange(i, ShingleSize)));
        }

        return shingles;
    }

    public static bool AreNearDuplicates(HashSet<string> first, HashSet<string> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count == 0 || second.Count == 0)
        {
            return false;
        }

        var (smaller, larger) = first.Count <= second.Count ? (first, second) : (second, first);
        var shared = smaller.Count(larger.Contains);
        var jaccard = (double)shared / (first.Count + second.Count - shared);
        return jaccard >= SameTextJaccard
            || (smaller.Count >= MinShinglesForContainment && (double)shared / smaller.Count >= ExcerptContainment);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
