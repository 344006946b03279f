using DurableLessons.Shared.Text;

namespace DurableLessons.Research.Text;

/// <summary>How research cuts a note or a source's message to its room: at a sentence end if one keeps a third of it.</summary>
internal static class TextTrimmer
{
    /// <summary><see cref="TextShortener.Shorten"/> with <see cref="TextCut.SentenceOrWord"/>; empty when nothing sensible fits.</summary>
    public static string ToLength(string text, int maxChars) => TextShortener.Shorten(text, maxChars, TextCut.SentenceOrWord);
}
