using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace DurableLessons.Research.Text;

/// <summary>
/// Plain text from an HTML fragment, without a parser dependency: tags and comments are removed, script/style
/// content is dropped whole, block elements become line breaks, and entities are decoded last so that escaped
/// markup (&amp;lt;b&amp;gt;) stays text. A stray '&lt;' that does not start a tag ("a &lt; b") is kept.
/// </summary>
internal static class HtmlText
{
    private static readonly FrozenSet<string> DroppedElements =
        FrozenSet.ToFrozenSet(["script", "style", "noscript", "template", "iframe", "object", "svg", "head"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> BlockElements = FrozenSet.ToFrozenSet(
        ["p", "div", "br", "li", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "hr", "section", "article", "dd", "dt"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> CellElements = FrozenSet.ToFrozenSet(["td", "th"], StringComparer.Ordinal);

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = new StringBuilder(html.Length);
        var index = 0;
        while (index < html.Length)
        {
            var c = html[index];
            if (c != '<')
            {
                text.Append(c);
                index++;
                continue;
            }

            if (string.CompareOrdinal(html, index, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", index + 4, StringComparison.Ordinal);
                index = close < 0 ? html.Length : close + 3;
                continue;
            }

            if (!StartsTag(html, index))
            {
                text.Append(c);
                index++;
                continue;
            }

            var tagEnd = FindTagEnd(html, index + 1);
            if (tagEnd < 0)
            {
                // An unterminated tag at the end: drop it rather than leak half of it.
                break;
            }

            var (name, closing) = TagName(html, index + 1, tagEnd);
            index = tagEnd + 1;
            if (!closing && DroppedElements.Contains(name))
            {
                index = SkipElement(html, index, name);
            }
            else if (BlockElements.Contains(name))
            {
                text.Append('\n');
            }
            else if (CellElements.Contains(name))
            {
                text.Append(' ');
            }
        }

        return NormalizeWhiteSpace(WebUtility.HtmlDecode(text.ToString()));
    }

    private static bool StartsTag(string html, int index) =>
        index + 1 < html.Length && (char.IsAsciiLetter(html[index + 1]) || html[index + 1] is '/' or '!' or '?');

    /// <summary>The index of the '&gt;' that ends the tag starting before <paramref name="from"/>, skipping quoted attribute values.</summary>
    private static int FindTagEnd(string html, int from)
    {
        char? quote = null;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    private static (string Name, bool Closing) TagName(string html, int start, int end)
    {
        var closing = start < end && html[start] == '/';
        var i = closing ? start + 1 : start;
        var nameStart = i;
        while (i < end && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or ':'))
        {
            i++;
        }

        return (html[nameStart..i].ToLowerInvariant(), closing);
    }

    private static int SkipElement(string html, int from, string name)
    {
        var closeTag = $"</{name}";
        var close = html.IndexOf(closeTag, from, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return html.Length;
        }

        var end = html.IndexOf('>', close + closeTag.Length);
        return end < 0 ? html.Length : end + 1;
    }

    /// <summary>Collapses runs of spaces within lines and more than one blank line between paragraphs.</summary>
    private static string NormalizeWhiteSpace(string text)
    {
        var result = new StringBuilder(text.Length);
        var blankLines = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = CollapseSpaces(rawLine);
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blankLines = 0;
        }

        return result.ToString();
    }

    private static string CollapseSpaces(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
