using DurableLessons.Research.Local;

namespace DurableLessons.Research.Tests.Local;

public sealed class MarkdownChunkerTests
{
    private const string Note = """
        # Irregular Verbs

        Most verbs add -ed.

        ## Past simple

        She went home.

        ```text
        ## not a heading inside a code fence
        ```

        ## Past simple

        A second section with the same heading.

        ### Be, have & do!

        Was, were, been.

        ## Empty section

        """;

    [Fact]
    public void Sections_become_chunks_with_the_document_title_and_github_style_anchors()
    {
        var chunks = MarkdownChunker.Chunk("english/verbs-irregular.md", Note);

        Assert.Equal(
            [
                "corpus://english/verbs-irregular.md#irregular-verbs",
                "corpus://english/verbs-irregular.md#past-simple",
                "corpus://english/verbs-irregular.md#past-simple-1",
                "corpus://english/verbs-irregular.md#be-have--do",
            ],
            chunks.Select(chunk => chunk.Url));
        Assert.Equal(["Irregular Verbs", "Irregular Verbs: Past simple", "Irregular Verbs: Past simple", "Irregular Verbs: Be, have & do!"], chunks.Select(chunk => chunk.Title));
        Assert.All(chunks, chunk => Assert.Equal("english", chunk.Subject));
    }

    [Fact]
    public void A_heading_inside_a_code_fence_stays_in_its_section()
    {
        var pastSimple = MarkdownChunker.Chunk("english/verbs-irregular.md", Note)[1];

        Assert.Contains("She went home.", pastSimple.Text, StringComparison.Ordinal);
        Assert.Contains("## not a heading inside a code fence", pastSimple.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_title_is_named_after_the_file_and_a_long_section_is_split_between_paragraphs()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"Paragraph {i} " + new string('x', 300) + ".");
        var chunks = MarkdownChunker.Chunk("notes/long-notes.txt", string.Join("\n\n", paragraphs));

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk =>
        {
            Assert.Equal("Long notes", chunk.Title);
            Assert.True(chunk.Text.Length <= MarkdownChunker.MaxChunkChars);
        });
        Assert.Equal("corpus://notes/long-notes.txt#long-notes", chunks[0].Url);
        Assert.Equal("corpus://notes/long-notes.txt#long-notes-part-2", chunks[1].Url);
        Assert.Equal(12, chunks.Sum(chunk => chunk.Text.Split("Paragraph ").Length - 1));
    }
}
