using DurableLessons.Research.Text;

namespace DurableLessons.Research.Tests.Text;

public sealed class TextTrimmerTests
{
    private const string Text = "First sentence is here. Second one (with a note) ends here. Third sentence is much longer than the others.";

    [Fact]
    public void Cuts_at_the_last_sentence_end_that_fits()
    {
        Assert.Equal("First sentence is here. Second one (with a note) ends here.", TextTrimmer.ToLength(Text, 70));
    }

    [Fact]
    public void Falls_back_to_a_word_boundary_with_an_ellipsis_when_no_sentence_fits()
    {
        var trimmed = TextTrimmer.ToLength("A very long opening sentence without any stop for quite a while indeed", 30);

        Assert.Equal("A very long opening sentence\u2026", trimmed);
        Assert.True(trimmed.Length <= 30);
    }

    [Fact]
    public void Short_text_is_unchanged() => Assert.Equal(Text, TextTrimmer.ToLength(Text, 1000));
}
