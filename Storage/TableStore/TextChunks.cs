namespace DurableLessons.Storage.TableStore;

/// <summary>
/// Splits text that exceeds a Table string property (64 KiB of UTF-16, i.e. 32 Ki chars) into pieces, never between
/// the two halves of a surrogate pair, and joins them back.
/// </summary>
internal static class TextChunks
{
    public const int MaxChunkChars = 30_000;

    public static IReadOnlyList<string> Split(string text, int maxChunkChars = MaxChunkChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunkChars, 2);
        if (text.Length <= maxChunkChars)
        {
            return [text];
        }

        var chunks = new List<string>((text.Length / maxChunkChars) + 1);
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(maxChunkChars, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            chunks.Add(text.Substring(start, length));
            start += length;
        }

        return chunks;
    }
}
