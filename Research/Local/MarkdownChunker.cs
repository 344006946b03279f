using System.Text;

namespace DurableLessons.Research.Local;

/// <summary>
/// Splits a Markdown (or plain text) note into chunks at its second- and third-level headings. The first
/// "# " heading is the document title; headings inside code fences are content. Sections longer than
/// <see cref="MaxChunkChars"/> are split between paragraphs. Anchors follow the GitHub convention (lower case,
/// punctuation dropped, spaces to hyphens, "-1", "-2" for repeats) so links read like the rendered file's.
/// </summary>
internal static class MarkdownChunker
{
    public const int MaxChunkChars = 1500;

    public static IReadOnlyList<CorpusChunk> Chunk(string relativePath, string content)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(content);
        var path = relativePath.Replace('\\', '/').TrimStart('/');
        var subject = path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

        var sections = Sections(content.ReplaceLineEndings("\n"));
        var title = sections.Title ?? TitleFromFileName(path);
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        var chunks = new List<CorpusChunk>();
        foreach (var (heading, body) in sections.Bodies)
        {
            var text = body.ToString().Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var anchor = UniqueAnchor(Slug(heading ?? title), anchors);
            var parts = SplitLong(text);
            for (var part = 0; part < parts.Count; part++)
            {
                var fragment = part == 0 ? anchor : $"{anchor}-part-{part + 1}";
                chunks.Add(new CorpusChunk(path, subject, title, heading ?? title, $"corpus://{path}#{fragment}", parts[part]));
            }
        }

        return chunks;
    }

    /// <summary>The GitHub-style anchor of a heading: "Past simple (-ed)" → "past-simple--ed".</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.Length == 0 ? "section" : slug.ToString();
    }

    private static (string? Title, List<(string? Heading, StringBuilder Body)> Bodies) Sections(string content)
    {
        string? title = null;
        var bodies = new List<(string? Heading, StringBuilder Body)> { (null, new StringBuilder()) };
        string? fence = null;
        foreach (var line in content.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                bodies[^1].Body.Append(line).Append('\n');
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                bodies[^1].Body.Append(line).Append('\n');
                continue;
            }

            if (title is null && trimmed.StartsWith("# ", StringComparison.Ordinal))
            {
                title = trimmed[2..].Trim();
                continue;
            }

            if (trimmed.StartsWith("## ", StringComparison.Ordinal) || trimmed.StartsWith("### ", StringComparison.Ordinal))
            {
                bodies.Add((trimmed.TrimStart('#').Trim(), new StringBuilder()));
                continue;
            }

            bodies[^1].Body.Append(line).Append('\n');
        }

        return (title, bodies);
    }

    private static List<string> SplitLong(string text)
    {
        if (text.Length <= MaxChunkChars)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (current.Length > 0 && current.Length + paragraph.Length + 2 > MaxChunkChars)
            {
                parts.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append("\n\n");
            }

            current.Append(paragraph);
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    private static string UniqueAnchor(string slug, Dictionary<string, int> seen)
    {
        if (!seen.TryGetValue(slug, out var count))
        {
            seen[slug] = 1;
            return slug;
        }

        seen[slug] = count + 1;
        return $"{slug}-{count}";
    }

    private static string TitleFromFileName(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path).Replace('-', ' ').Replace('_', ' ').Trim();
        return name.Length == 0 ? path : char.ToUpperInvariant(name[0]) + name[1..];
    }
}
