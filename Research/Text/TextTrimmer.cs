namespace DurableLessons.Research.Text;

/// <summary>Shortens text at a sentence boundary, or failing that at a word boundary with an ellipsis.</summary>
internal static class TextTrimmer
{
    private const char Ellipsis = '\u2026';

    /// <summary>
    /// The longest prefix of <paramref name="text"/> of at most <paramref name="maxChars"/> characters that ends a
    /// sentence, as long as that keeps at least a third of the room; otherwise a cut at the last space plus "…".
    /// Returns an empty string when nothing sensible fits.
    /// </summary>
    public static string ToLength(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length <= maxChars)
        {
            return text;
        }

        if (maxChars < 2)
        {
            return string.Empty;
        }

        var sentenceEnd = LastSentenceEnd(text, maxChars);
        if (sentenceEnd >= maxChars / 3)
        {
            return text[..sentenceEnd].TrimEnd();
        }

        var room = maxChars - 1;
        var space = text.LastIndexOfAny([' ', '\n', '\t'], room);
        var cut = space > 0 ? space : room;
        var prefix = text[..cut].TrimEnd(' ', '\n', '\t', ',', ';', ':', '-');
        return prefix.Length == 0 ? string.Empty : prefix + Ellipsis;
    }

    /// <summary>The length of the longest prefix within <paramref name="limit"/> that ends with . ! or ? (and any closing quote or bracket) before white space or the end.</summary>
    private static int LastSentenceEnd(string text, int limit)
    {
        for (var end = limit; end > 0; end--)
        {
            var last = text[end - 1];
            var atBoundary = end == text.Length || char.IsWhiteSpace(text[end]);
            if (!atBoundary)
            {
                continue;
            }

            var index = end - 1;
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
