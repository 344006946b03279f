using System.Globalization;
using System.Text;
using DurableLessons.Llm.Offline;

namespace DurableLessons.Llm.Practice;

/// <summary>How answers are compared: case, accents, punctuation and spacing do not matter.</summary>
internal static class AnswerText
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The content words of a text, normalised and roughly stemmed, for rubric and passage matching.</summary>
    public static IReadOnlyList<string> Terms(string text) =>
        LessonText.ContentWords(LessonText.Plain(text)).Select(word => Stem(Normalize(word))).Where(term => term.Length > 0).ToList();

    private static string Stem(string word)
    {
        foreach (var suffix in (string[])["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}
