using DurableLessons.Research.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Research.Tests.Local;

/// <summary>The local source over the corpus shipped with the product, through the real DI wiring.</summary>
public sealed class ShippedCorpusRankingTests : IDisposable
{
    private readonly ServiceProvider _services = ResearchTestHost.Build();

    [Fact]
    public async Task Irregular_past_tense_verbs_ranks_the_irregular_verbs_notes_first()
    {
        var notes = await _services.Source("local").SearchAsync(
            ResearchTestHost.Query("english", "irregular past tense verbs"), CancellationToken.None);

        Assert.Equal("corpus://english/verbs-irregular.md#past-simple", notes[0].Url);
        Assert.Equal("Irregular Verbs: Past simple", notes[0].Title);
        var topFive = notes.Take(5).Select(note => note.Url).ToList();
        Assert.True(
            topFive.Count(url => url.StartsWith("corpus://english/verbs-irregular.md#", StringComparison.Ordinal)) >= 4,
            $"the irregular-verbs notes should fill the top five: {string.Join(", ", topFive)}");
    }

    [Fact]
    public async Task Notes_from_unrelated_subjects_rank_below_every_irregular_verbs_note()
    {
        using var everything = ResearchTestHost.Build(new Dictionary<string, string?> { ["Research:Sources:local:MaxResults"] = "50" });
        var notes = await everything.Source("local").SearchAsync(
            ResearchTestHost.Query("english", "irregular past tense verbs", maxResults: 50), CancellationToken.None);

        Assert.True(notes.Count > 8, "the configured MaxResults should let more than the default eight notes through");
        var urls = notes.Select(note => note.Url).ToList();
        var lastIrregular = urls.FindLastIndex(url => url.StartsWith("corpus://english/verbs-irregular.md", StringComparison.Ordinal));
        var firstUnrelated = urls.FindIndex(url => !url.StartsWith("corpus://english/", StringComparison.Ordinal));
        Assert.True(lastIrregular >= 0);
        Assert.True(firstUnrelated < 0 || firstUnrelated > lastIrregular, $"an unrelated note ranked at {firstUnrelated}, above irregular verbs at {lastIrregular}");
    }

    [Theory]
    [InlineData("math", "adding fractions with different denominators", "corpus://math/fractions.md#adding-and-subtracting-fractions")]
    [InlineData("programming", "SQL left join", "corpus://programming/sql-joins.md#left-join")]
    [InlineData("science", "photosynthesis chlorophyll light", "corpus://science/photosynthesis.md#chlorophyll-and-light")]
    [InlineData("english", "obligation with must and have to", "corpus://english/verbs-modal.md#obligation-and-necessity-must-have-to-and-need-to")]
    [InlineData("programming", "C# async await", "corpus://programming/csharp-async-await.md#async-and-await-in-c")]
    [InlineData("english", "present perfect", "corpus://english/verbs-tenses.md#present-perfect")]
    public async Task Each_subject_finds_its_own_notes_first(string subject, string topic, string expectedUrl)
    {
        var notes = await _services.Source("local").SearchAsync(ResearchTestHost.Query(subject, topic), CancellationToken.None);

        Assert.NotEmpty(notes);
        var expectedFile = expectedUrl[..expectedUrl.IndexOf('#', StringComparison.Ordinal)];
        Assert.StartsWith(expectedFile + "#", notes[0].Url, StringComparison.Ordinal);
        Assert.Contains(notes.Take(3), note => note.Url == expectedUrl);
    }

    [Fact]
    public async Task Notes_are_cited_as_local_with_stable_links_titles_and_descending_scores()
    {
        var notes = await _services.Source("local").SearchAsync(ResearchTestHost.Query("math", "linear equations", maxResults: 4), CancellationToken.None);

        Assert.Equal(4, notes.Count);
        Assert.All(notes, note =>
        {
            Assert.Equal("local", note.Source);
            Assert.Matches("^corpus://[a-z]+/[a-z0-9-]+\\.md#[a-z0-9-]+$", note.Url);
            Assert.False(string.IsNullOrWhiteSpace(note.Title));
            Assert.False(string.IsNullOrWhiteSpace(note.Text));
            Assert.Equal(0, note.Id);
        });
        Assert.Equal(notes.Select(note => note.Score).OrderByDescending(score => score), notes.Select(note => note.Score));
        Assert.Equal(notes.Count, notes.Select(note => note.Url).Distinct().Count());
    }

    [Fact]
    public async Task A_topic_the_corpus_does_not_cover_finds_nothing()
    {
        var notes = await _services.Source("local").SearchAsync(
            ResearchTestHost.Query("astronomy", "quasar redshift"), CancellationToken.None);

        Assert.Empty(notes);
    }

    public void Dispose() => _services.Dispose();
}
