using DurableLessons.Research.Text;

namespace DurableLessons.Research.Tests.Text;

public sealed class TextTokenizerTests
{
    [Fact]
    public void Lower_cases_drops_punctuation_and_stop_words_and_folds_plurals()
    {
        Assert.Equal(
            ["irregular", "verb", "past", "tense", "dont", "go", "went", "gone"],
            TextTokenizer.Tokenize("The Irregular verbs of the PAST tense: \"don't\" go, went, gone!"));
    }

    [Fact]
    public void Keeps_modal_verbs_and_programming_names_as_terms()
    {
        Assert.Equal(["can", "must", "should"], TextTokenizer.Tokenize("can, must and should"));
        Assert.Equal(["csharp", "async", "dotnet", "cpp", "fsharp"], TextTokenizer.Tokenize("C# async on .NET, C++ and F#"));
    }

    [Theory]
    [InlineData("classes", "class")]
    [InlineData("matches", "match")]
    [InlineData("cities", "city")]
    [InlineData("fractions", "fraction")]
    [InlineData("tenses", "tense")]
    [InlineData("glass", "glass")]
    [InlineData("bus", "bus")]
    [InlineData("2020s", "2020s")]
    public void Plural_endings_fold_to_the_singular(string word, string stem) =>
        Assert.Equal(stem, TextTokenizer.Stem(word));
}
