using System.Text;
using System.Text.RegularExpressions;
using DurableLessons.Shared.Text;

namespace DurableLessons.Llm.Offline;

/// <summary>A sentence as written (Markdown) and as read (plain text), with the notes it cites.</summary>
internal sealed record Sentence(string Markdown, string Plain, IReadOnlyList<int> CitationIds);

/// <summary>A blank-line separated piece of a Markdown body.</summary>
internal sealed record Block(string Text, BlockKind Kind);

internal enum BlockKind
{
    /// <summary>Prose or a list: carries claims, so it must cite a note.</summary>
    Prose,

    /// <summary>A code fence or a table: illustrates the prose before it, and cannot hold a citation marker.</summary>
    Attachment,
}

/// <summary>Deterministic, culture-invariant text handling for the offline author.</summary>
internal static partial class LessonText
{
    public const string Gap = "_____";

    /// <summary>Splits a Markdown body into blocks; fenced code stays one block even if it holds blank lines.</summary>
    public static IReadOnlyList<Block> Blocks(string markdown)
    {
        var blocks = new List<Block>();
        var current = new List<string>();
        var inFence = false;
        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            var isFence = line.TrimStart().StartsWith("```", StringComparison.Ordinal);
            if (inFence)
            {
                current.Add(line);
                if (isFence)
                {
                    Flush(blocks, current, BlockKind.Attachment);
                    inFence = false;
                }

                continue;
            }

            if (isFence)
            {
                Flush(blocks, current, null);
                current.Add(line);
                inFence = true;
                continue;
            }

            if (line.Length == 0)
            {
                Flush(blocks, current, null);
                continue;
            }

            current.Add(line);
        }

        Flush(blocks, current, inFence ? BlockKind.Attachment : null);
        return blocks;
    }

    public static string JoinBlocks(IEnumerable<string> blocks) => string.Join("\n\n", blocks);

    /// <summary>The sentences of a body's prose blocks (lists give one sentence per item; code and tables are skipped).</summary>
    public static IReadOnlyList<Sentence> Sentences(string markdown)
    {
        var sentences = new List<Sentence>();
        foreach (var block in Blocks(markdown))
        {
            if (block.Kind != BlockKind.Prose)
            {
                continue;
            }

            var citations = CitationIds(block.Text);
            foreach (var unit in ProseUnits(block.Text))
            {
                foreach (var piece in SentenceBreak().Split(unit))
                {
                    var text = CitationMarker().Replace(piece, string.Empty).Trim();
                    var plain = Plain(text);
                    if (WordCount(plain) >= 4)
                    {
                        sentences.Add(new Sentence(text, plain, citations));
                    }
                }
            }
        }

        return sentences;
    }

    /// <summary>Citation markers such as "[3]" that follow white space (so code like <c>a[3]</c> is not one).</summary>
    public static IReadOnlyList<int> CitationIds(string text)
    {
        var ids = new List<int>();
        foreach (Match match in CitationMarker().Matches(text))
        {
            if (int.TryParse(match.Groups["id"].ValueSpan, out var id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Removes the markers whose id is not accepted; returns the ids removed.</summary>
    public static string RemoveCitations(string text, Func<int, bool> keep, List<int> removed) =>
        LeadingSpaceAndCitationMarker().Replace(text, match =>
        {
            var id = int.Parse(match.Groups["id"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (keep(id))
            {
                return match.Value;
            }

            removed.Add(id);
            return string.Empty;
        });

    public static string Marker(int id) => $"[{id}]";

    /// <summary>Markdown to reading text: emphasis, code ticks and link targets removed, white space folded.</summary>
    public static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "${text}");
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
        text = StarEmphasis().Replace(text, "${text}");
        text = UnderscoreEmphasis().Replace(text, "${text}");
        text = text.Replace("`", string.Empty, StringComparison.Ordinal);
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>Terms the author emphasised (bold first, then code, then italics): the words a gap exercise should ask for.</summary>
    public static IReadOnlyList<string> EmphasisedTerms(string markdown)
    {
        var terms = new List<string>();
        foreach (var pattern in new[] { Bold(), Code(), StarEmphasis(), UnderscoreEmphasis() })
        {
            foreach (Match match in pattern.Matches(markdown))
            {
                var term = Plain(match.Groups["text"].Value);
                if (term.Length is > 0 and <= 40 && WordCount(term) <= 4 && term.Any(char.IsLetterOrDigit)
                    && !terms.Contains(term, StringComparer.OrdinalIgnoreCase))
                {
                    terms.Add(term);
                }
            }
        }

        return terms;
    }

    /// <summary>Words of four or more letters that are not stop words, in order of appearance.</summary>
    public static IReadOnlyList<string> ContentWords(string plain) =>
        Word().Matches(plain).Select(m => m.Value.Trim('\'', '’', '-')).Where(w => w.Length >= 4 && !StopWords.Prose.Contains(w)).ToArray();

    public static IReadOnlySet<string> WordSet(string text) =>
        Word().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The index of <paramref name="term"/> as a whole word or phrase in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfWhole(string text, string term)
    {
        for (var start = 0; start <= text.Length - term.Length;)
        {
            var index = text.IndexOf(term, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return -1;
            }

            var end = index + term.Length;
            if ((index == 0 || !char.IsLetterOrDigit(text[index - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return index;
            }

            start = index + 1;
        }

        return -1;
    }

    /// <summary>At most <paramref name="maxLength"/> characters of Markdown, cut at a sentence end outside code fences.</summary>
    public static string Excerpt(string markdown, int maxLength)
    {
        var text = markdown.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        var kept = new List<string>();
        var length = 0;
        foreach (var block in Blocks(text))
        {
            if (length + block.Text.Length <= maxLength)
            {
                kept.Add(block.Text);
                length += block.Text.Length + 2;
                continue;
            }

            if (block.Kind == BlockKind.Prose)
            {
                var room = maxLength - length;
                var end = TextShortener.LastSentenceEnd(block.Text, room);
                if (end > 0)
                {
                    kept.Add(block.Text[..end] + " …");
                }
            }

            break;
        }

        return kept.Count > 0 ? JoinBlocks(kept) : TextShortener.Shorten(Plain(text), maxLength);
    }

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    /// <summary>A hash that is the same in every process (unlike <see cref="string.GetHashCode()"/>).</summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public static int WordCount(string text) => Word().Count(text);

    private static IEnumerable<string> ProseUnits(string block)
    {
        var paragraph = new StringBuilder();
        foreach (var rawLine in block.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('#') || line.StartsWith('|'))
            {
                continue;
            }

            line = line.TrimStart('>').Trim();
            var item = ListMarker().Match(line);
            if (item.Success)
            {
                if (paragraph.Length > 0)
                {
                    yield return paragraph.ToString();
                    paragraph.Clear();
                }

                yield return line[item.Length..];
                continue;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }

            paragraph.Append(line);
        }

        if (paragraph.Length > 0)
        {
            yield return paragraph.ToString();
        }
    }

    private static void Flush(List<Block> blocks, List<string> lines, BlockKind? kind)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var text = string.Join('\n', lines);
        var isTable = lines.All(l => l.TrimStart().StartsWith('|'));
        blocks.Add(new Block(text, kind ?? (isTable ? BlockKind.Attachment : BlockKind.Prose)));
        lines.Clear();
    }

    [GeneratedRegex(@"(?<=^|\s)\[(?<id>\d{1,4})\]")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"[ \t]*(?<=^|\s)\[(?<id>\d{1,4})\]")]
    private static partial Regex LeadingSpaceAndCitationMarker();

    [GeneratedRegex(@"(?<=[.!?][""”’)]?)\s+(?=[""“'(*_`]*[\p{Lu}\d])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^([-*+]|\d{1,3}[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)\s]+\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(?<text>[^*]+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"`(?<text>[^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<![\w*])\*(?![\s*])(?<text>[^*]+?)(?<!\s)\*(?![\w*])")]
    private static partial Regex StarEmphasis();

    [GeneratedRegex(@"(?<![\w_])_(?![\s_])(?<text>[^_]+?)(?<!\s)_(?![\w_])")]
    private static partial Regex UnderscoreEmphasis();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
