using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace DurableLessons.Storage.TableStore;

/// <summary>
/// Splits text that exceeds a Table string property (64 KiB of UTF-16, i.e. 32 Ki chars) into pieces, never between
/// the two halves of a surrogate pair, and joins them back.
/// </summary>
internal static class TextChunks
{
    public const int MaxChunkChars = 30_000;

    /// <summary>The row property that counts the chunks <see cref="Write"/> stored.</summary>
    public const string ChunkCount = nameof(ChunkCount);

    /// <summary>Stores <paramref name="text"/> in the properties {<paramref name="name"/>}00, {<paramref name="name"/>}01, … of one row.</summary>
    public static void Write(TableEntity row, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(row);
        var chunks = Split(text);
        row[ChunkCount] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            row[ChunkName(name, i)] = chunks[i];
        }
    }

    /// <summary>The text <see cref="Write"/> stored under <paramref name="name"/>; <paramref name="what"/> names the row in the error when a chunk is missing.</summary>
    public static string Read(TableEntity row, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(row);
        var count = row.GetInt32(ChunkCount) ?? 1;
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(row.GetString(ChunkName(name, i)) ?? throw new InvalidDataException($"{what} is missing chunk {i} of {count}."));
        }

        return text.ToString();
    }

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

    private static string ChunkName(string name, int index) => name + index.ToString("D2", CultureInfo.InvariantCulture);
}
