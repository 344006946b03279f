using System.Text;
using System.Text.RegularExpressions;
using DurableLessons.Shared.Text;

namespace DurableLessons.Research.Text;

/// <summary>
/// Turns text into search terms: lower-cased, punctuation dropped, a small stop-word list removed, plural
/// endings folded ("verbs" and "verb" match) and names like C#, C++ and .NET kept as whole words.
/// </summary>
internal static partial class TextTokenizer
{
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        var normalized = ProgrammingNames().Replace(text.ToLowerInvariant(), match => $" {Spell(match.Value)} ");
        var word = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (c is '\'' or '\u2019' && word.Length > 0)
            {
                // Apostrophes inside a word are dropped, so "don't" is one term.
                continue;
            }
            else
            {
                Flush(word, tokens);
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    /// <summary>Folds common English plural endings so singular and plural forms meet.</summary>
    public static string Stem(string token)
    {
        if (token.Length <= 3 || !token.All(char.IsLetter))
        {
            return token;
        }

        if (token.EndsWith("sses", StringComparison.Ordinal) || token.EndsWith("shes", StringComparison.Ordinal)
            || token.EndsWith("ches", StringComparison.Ordinal) || token.EndsWith("xes", StringComparison.Ordinal)
            || token.EndsWith("zes", StringComparison.Ordinal))
        {
            return token[..^2];
        }

        if (token.EndsWith("ies", StringComparison.Ordinal) && token.Length > 4)
        {
            return string.Concat(token.AsSpan(0, token.Length - 3), "y");
        }

        if (token[^1] == 's' && !token.EndsWith("ss", StringComparison.Ordinal)
            && !token.EndsWith("us", StringComparison.Ordinal) && !token.EndsWith("is", StringComparison.Ordinal))
        {
            return token[..^1];
        }

        return token;
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        var token = word.ToString();
        word.Clear();
        if ((token.Length > 1 || char.IsDigit(token[0])) && !StopWords.SearchTerms.Contains(token))
        {
            tokens.Add(Stem(token));
        }
    }

    private static string Spell(string name) => name.Trim() switch
    {
        "c#" => "csharp",
        "f#" => "fsharp",
        "c++" => "cpp",
        ".net" => "dotnet",
        _ => name,
    };

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(c#|f#|c\+\+|\.net)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex ProgrammingNames();
}
