namespace DurableLessons.Research.Local;

/// <summary>One searchable piece of a corpus file: the text under one heading (or part of it, if long).</summary>
/// <param name="Path">The file's path relative to the corpus folder, with '/' separators.</param>
/// <param name="Subject">The file's top folder (english, math...), or empty for files at the root.</param>
/// <param name="Url">A stable link such as <c>corpus://english/verbs-irregular.md#past-simple</c>.</param>
internal sealed record CorpusChunk(string Path, string Subject, string DocumentTitle, string Heading, string Url, string Text)
{
    /// <summary>"Irregular verbs: Past simple", or the document title for the part before the first heading.</summary>
    public string Title => Heading.Length == 0 || string.Equals(Heading, DocumentTitle, StringComparison.Ordinal)
        ? DocumentTitle
        : $"{DocumentTitle}: {Heading}";
}
