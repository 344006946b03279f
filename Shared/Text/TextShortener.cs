namespace DurableLessons.Shared.Text;

/// <summary>Where <see cref="TextShortener.Shorten"/> may end a text that is too long.</summary>
public enum TextCut
{
    /// <summary>At the last word boundary that keeps at least half the room (else mid-word), marked with "…".</summary>
    Word,

    /// <summary>At the last sentence end that keeps at least a third of the room, unmarked; failing that, as <see cref="Word"/>.</summary>
    SentenceOrWord,
}

/// <summary>Shortens text for display: research notes to their budget, quotes and key points of a lesson to their room.</summary>
public static class TextShortener
{
    private const char Ellipsis = '\u2026';

    private static readonly char[] Spaces = [' ', '\n', '\t'];

    /// <summary>
    /// <paramref name="text"/> trimmed, and if still longer than <paramref name="maxLength"/>, cut as <paramref name="cut"/>
    /// says so that it fits. Returns an empty string when nothing sensible fits.
    /// </summary>
    public static string Shorten(string text, int maxLength, TextCut cut = TextCut.Word)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength < 2)
        {
            return string.Empty;
        }

        if (cut == TextCut.SentenceOrWord)
        {
            var sentenceEnd = LastSentenceEnd(text, maxLength);
            if (sentenceEnd >= maxLength / 3)
            {
                return text[..sentenceEnd].TrimEnd();
            }
        }

        // One long word (a URL, a code name) near the start would leave almost nothing: cut inside it instead.
        var room = maxLength - 1;
        var space = text.LastIndexOfAny(Spaces, room);
        var prefix = text[..(space > maxLength / 2 ? space : room)].TrimEnd(' ', '\n', '\t', ',', ';', ':', '-');
        return prefix.Length == 0 ? string.Empty : prefix + Ellipsis;
    }

    /// <summary>
    /// The length of the longest prefix within <paramref name="limit"/> characters that ends with . ! or ? (and any
    /// closing quotes or brackets) before white space or the end of <paramref name="text"/>; 0 when there is none.
    /// </summary>
    public static int LastSentenceEnd(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var end = Math.Min(limit, text.Length); end > 0; end--)
        {
            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var index = end - 1;
            var last = text[index];
            while (index > 0 && last is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
            {
                index--;
                last = text[index];
            }

            if (last is '.' or '!' or '?')
            {
                return end;
            }
        }

        return 0;
    }
}
