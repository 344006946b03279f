using DurableLessons.Research.Text;

namespace DurableLessons.Research.Tests.Text;

public sealed class HtmlTextTests
{
    [Fact]
    public void Tags_go_scripts_and_styles_go_whole_and_entities_are_decoded()
    {
        const string html = """
            <p>Use <code>await</code> with &quot;async&quot; methods &amp; tasks.</p>
            <script>alert('x')</script><style>p { color: red }</style>
            <!-- a comment -->
            <pre><code>var x = await GetAsync();</code></pre>
            """;

        var text = HtmlText.ToPlainText(html);

        Assert.Equal("Use await with \"async\" methods & tasks.\n\nvar x = await GetAsync();", text);
    }

    [Fact]
    public void Escaped_markup_stays_text_and_a_bare_less_than_sign_is_kept()
    {
        Assert.Equal("Type <b> for bold; 3 < 5", HtmlText.ToPlainText("Type &lt;b&gt; for bold; 3 < 5"));
    }

    [Fact]
    public void Quoted_angle_brackets_in_attributes_and_an_unterminated_tag_do_not_leak()
    {
        Assert.Equal("link then text", HtmlText.ToPlainText("<a title=\"a > b\" href=\"/x\">link</a> then text<img src=\"y"));
    }

    [Fact]
    public void Wikipedia_search_highlights_are_removed() =>
        Assert.Equal(
            "Irregular verbs are verbs that do not follow",
            HtmlText.ToPlainText("<span class=\"searchmatch\">Irregular</span> <span class=\"searchmatch\">verbs</span> are verbs that do not follow"));
}
