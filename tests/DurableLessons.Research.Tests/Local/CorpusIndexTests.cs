using DurableLessons.Research.Local;
using DurableLessons.Research.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Research.Tests.Local;

public sealed class CorpusIndexTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void A_chunk_that_repeats_a_rare_query_term_outranks_one_that_mentions_it_once()
    {
        var index = Bm25Index.Build(
        [
            Chunk("a", "Cells divide by mitosis. Mitosis has four phases, and mitosis ends with two cells."),
            Chunk("b", "Cells divide. Some texts mention mitosis once among many other words about growth and repair of tissue."),
            Chunk("c", "Rivers carry water to the sea."),
        ]);

        var hits = index.Search([new QueryTerm("mitosis", 1, Required: true)]);

        Assert.Equal(["corpus://t/a.md#a", "corpus://t/b.md#b"], hits.Select(hit => hit.Chunk.Url));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Optional_terms_reorder_matches_but_never_add_chunks()
    {
        var index = Bm25Index.Build(
        [
            Chunk("plain", "Fractions have a numerator and a denominator."),
            Chunk("intro", "An introduction to fractions: numerator and denominator."),
            Chunk("other", "An introduction to rivers."),
        ]);

        var hits = index.Search([new QueryTerm("fraction", 1, Required: true), new QueryTerm("introduction", 0.3, Required: false)]);

        Assert.Equal(["corpus://t/intro.md#intro", "corpus://t/plain.md#plain"], hits.Select(hit => hit.Chunk.Url));
    }

    [Fact]
    public async Task The_index_is_rebuilt_when_a_corpus_file_is_added_or_changed()
    {
        _corpus.Write("science/cells.md", "# Cells\n\n## Membranes\n\nThe cell membrane controls what enters the cell.\n");
        using var services = ResearchTestHost.Build(new Dictionary<string, string?> { ["Research:CorpusPath"] = _corpus.Path });
        var local = services.Source("local");
        var query = ResearchTestHost.Query("science", "mitochondria");

        Assert.Empty(await local.SearchAsync(query, CancellationToken.None));

        _corpus.Write("science/organelles.md", "# Organelles\n\n## Mitochondria\n\nMitochondria release energy from glucose by respiration.\n");
        var afterAdd = await local.SearchAsync(query, CancellationToken.None);
        Assert.Equal("corpus://science/organelles.md#mitochondria", Assert.Single(afterAdd).Url);

        _corpus.Write("science/cells.md", "# Cells\n\n## Membranes\n\nThe cell membrane controls what enters the cell, and mitochondria sit inside it.\n");
        var afterChange = await local.SearchAsync(query, CancellationToken.None);
        Assert.Contains(afterChange, note => note.Url == "corpus://science/cells.md#membranes");
    }

    [Fact]
    public async Task The_same_index_serves_repeated_searches_of_an_unchanged_corpus()
    {
        _corpus.Write("math/ratios.md", "# Ratios\n\n## Simplifying\n\nDivide both parts of a ratio by their highest common factor.\n");
        using var services = ResearchTestHost.Build(new Dictionary<string, string?> { ["Research:CorpusPath"] = _corpus.Path });
        var provider = services.GetRequiredService<LocalCorpusIndexProvider>();

        var first = await provider.GetAsync(CancellationToken.None);
        var second = await provider.GetAsync(CancellationToken.None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Searching_a_corpus_folder_that_has_gone_throws_a_clear_error()
    {
        _corpus.Write("math/ratios.md", "# Ratios\n\nA ratio compares quantities.\n");
        using var services = ResearchTestHost.Build(new Dictionary<string, string?> { ["Research:CorpusPath"] = _corpus.Path });
        var local = services.Source("local");
        Directory.Delete(_corpus.Path, recursive: true);

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => local.SearchAsync(ResearchTestHost.Query("math", "ratios"), CancellationToken.None));
        Assert.Contains("Research:CorpusPath", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _corpus.Dispose();

    private static CorpusChunk Chunk(string name, string text) => new($"t/{name}.md", "t", name, name, $"corpus://t/{name}.md#{name}", text);
}
