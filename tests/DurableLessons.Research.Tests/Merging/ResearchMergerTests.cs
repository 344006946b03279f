using DurableLessons.Shared.Research;

namespace DurableLessons.Research.Tests.Merging;

public sealed class ResearchMergerTests
{
    private readonly ResearchMerger _merger = new();

    [Fact]
    public void Notes_citing_the_same_page_are_kept_once_with_the_better_ranked_copy()
    {
        var pack = _merger.Merge(
            [
                Outcome("wikipedia", Note("Fractions", "https://en.wikipedia.org/wiki/Fraction", "A fraction represents a part of a whole.", 1)),
                Outcome("docs", Note("Fraction (mirror)", "http://www.en.wikipedia.org/wiki/Fraction/", "Mirror text about parts of wholes and numerators.", 1)),
            ],
            3000);

        var note = Assert.Single(pack.Notes);
        Assert.Equal("Fractions", note.Title);
    }

    [Fact]
    public void Near_identical_text_from_different_urls_is_kept_once()
    {
        const string text = "The past simple of an irregular verb is used on its own in affirmative sentences about finished past actions, for example she went to Paris last year.";
        var pack = _merger.Merge(
            [
                Outcome("local", Note("Irregular verbs", "corpus://english/verbs-irregular.md#past-simple", text, 9)),
                Outcome("docs", Note("Copy", "https://example.org/copy", text.ToUpperInvariant().Replace(",", ";", StringComparison.Ordinal), 5)),
                Outcome("wikipedia", Note("Different", "https://en.wikipedia.org/wiki/Past_tense", "The past tense is a grammatical tense placing an action in the past.", 1)),
            ],
            3000);

        Assert.Equal(["Irregular verbs", "Different"], pack.Notes.Select(note => note.Title));
    }

    [Fact]
    public void An_excerpt_of_a_kept_note_is_a_duplicate_but_a_note_sharing_a_few_words_is_not()
    {
        const string full = "Chlorophyll absorbs red and blue light strongly and reflects green light, which is why leaves look green to us. Other pigments absorb more wavelengths.";
        var pack = _merger.Merge(
            [
                Outcome("local", Note("Chlorophyll", "corpus://science/photosynthesis.md#chlorophyll", full, 3)),
                Outcome("wikipedia", Note("Excerpt", "https://en.wikipedia.org/wiki/Chlorophyll", "Chlorophyll absorbs red and blue light strongly and reflects green light, which is why leaves look green", 1)),
                Outcome("devto", Note("Leaves", "https://dev.to/x/leaves", "Leaves look green because of pigments; autumn colours come from carotenoids.", 1)),
            ],
            3000);

        Assert.Equal(["Chlorophyll", "Leaves"], pack.Notes.Select(note => note.Title));
    }

    [Fact]
    public void A_source_with_big_scores_cannot_crowd_out_one_with_small_scores()
    {
        var pack = _merger.Merge(
            [
                Outcome("big", Note("B1", "https://b/1", "Big one.", 9000), Note("B2", "https://b/2", "Big two.", 8000), Note("B3", "https://b/3", "Big three.", 7000)),
                Outcome("small", Note("S1", "https://s/1", "Small one.", 0.9), Note("S2", "https://s/2", "Small two.", 0.3)),
            ],
            3000);

        Assert.Equal(["B1", "S1", "B2", "S2", "B3"], pack.Notes.Select(note => note.Title));
        Assert.Equal([1.0, 1.0], pack.Notes.Take(2).Select(note => note.Score));
    }

    [Fact]
    public void Within_a_round_the_note_closer_to_its_sources_best_comes_first()
    {
        var pack = _merger.Merge(
            [
                Outcome("a", Note("A1", "https://a/1", "A one.", 10), Note("A2", "https://a/2", "A two.", 2)),
                Outcome("b", Note("B1", "https://b/1", "B one.", 4), Note("B2", "https://b/2", "B two.", 3.6)),
            ],
            3000);

        Assert.Equal(["A1", "B1", "B2", "A2"], pack.Notes.Select(note => note.Title));
    }

    [Fact]
    public void Notes_are_numbered_from_one_in_order_and_keep_their_citations()
    {
        var pack = _merger.Merge(
            [
                Outcome("local", Note("L2", "corpus://x.md#b", "Second local.", 2, id: 7), Note("L1", "corpus://x.md#a", "First local.", 5)),
                Outcome("wikipedia", Note("W1", "https://en.wikipedia.org/wiki/X", "Wiki.", 1)),
            ],
            3000);

        Assert.Equal([1, 2, 3], pack.Notes.Select(note => note.Id));
        Assert.Equal(
            [("L1", "corpus://x.md#a", "local"), ("W1", "https://en.wikipedia.org/wiki/X", "wikipedia"), ("L2", "corpus://x.md#b", "local")],
            pack.Notes.Select(note => (note.Title, note.Url, note.Source)));
    }

    [Fact]
    public void The_pack_fits_the_budget_and_the_last_note_is_cut_at_a_sentence()
    {
        var sentences = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Sentence number {i} explains one more detail of the topic."));
        var pack = _merger.Merge(
            [Outcome("local", Note("Short", "corpus://a.md#a", "A short first note.", 2), Note("Long", "corpus://a.md#b", sentences, 1))],
            200);

        Assert.True(pack.EstimatedTokens <= 200, $"{pack.EstimatedTokens} tokens");
        Assert.Equal(pack.Notes.Sum(ResearchTokens.Estimate), pack.EstimatedTokens);
        Assert.Equal("A short first note.", pack.Notes[0].Text);
        var cut = pack.Notes[1].Text;
        Assert.True(cut.Length < sentences.Length);
        Assert.StartsWith(cut, sentences, StringComparison.Ordinal);
        Assert.EndsWith("of the topic.", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_note_larger_than_the_budget_is_trimmed_not_dropped()
    {
        var huge = string.Join(' ', Enumerable.Range(1, 500).Select(i => $"Fact {i} is true."));

        var pack = _merger.Merge([Outcome("local", Note("Huge", "corpus://h.md#h", huge, 1))], 300);

        var note = Assert.Single(pack.Notes);
        Assert.EndsWith("is true.", note.Text, StringComparison.Ordinal);
        Assert.InRange(pack.EstimatedTokens, 250, 300);
    }

    [Fact]
    public void Failed_and_empty_sources_are_reported_with_their_errors_alongside_the_notes_kept_from_each()
    {
        var pack = _merger.Merge(
            [
                new SourceOutcome("github", [], "Research source 'github' answered HTTP 403", 120),
                Outcome("local", Note("L1", "corpus://l.md#1", "Local one.", 1)),
                new SourceOutcome("devto", [], null, 80),
            ],
            3000);

        Assert.Equal(["github", "local", "devto"], pack.Sources.Select(source => source.Source));
        Assert.Equal("Research source 'github' answered HTTP 403", pack.Sources[0].Error);
        Assert.Equal(120, pack.Sources[0].ElapsedMs);
        Assert.Equal([1], pack.Sources[1].Notes.Select(note => note.Id));
        Assert.Empty(pack.Sources[2].Notes);
        Assert.Equal("L1", Assert.Single(pack.Notes).Title);
    }

    [Fact]
    public void No_outcomes_or_no_budget_make_an_empty_pack()
    {
        Assert.Empty(_merger.Merge([], 3000).Notes);
        var noBudget = _merger.Merge([Outcome("local", Note("L", "corpus://l.md#l", "Some text.", 1))], 0);
        Assert.Empty(noBudget.Notes);
        Assert.Equal(0, noBudget.EstimatedTokens);
    }

    [Fact]
    public void Notes_without_text_are_left_out()
    {
        var pack = _merger.Merge([Outcome("docs", Note("Blank", "https://d/1", "   ", 5), Note("Real", "https://d/2", "Real text.", 1))], 3000);

        Assert.Equal("Real", Assert.Single(pack.Notes).Title);
    }

    private static SourceOutcome Outcome(string source, params ResearchNote[] notes) =>
        new(source, notes.Select(note => note with { Source = source }).ToList(), null, 10);

    private static ResearchNote Note(string title, string url, string text, double score, int id = 0) => new(title, url, "", text, score, id);
}
