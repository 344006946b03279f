using DurableLessons.Research.Configuration;
using DurableLessons.Research.Text;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Local;

/// <summary>
/// The "local" source: BM25 search over the Markdown corpus (the shipped teaching notes by default). Works with no
/// network. The topic makes a match; the subject and level words ("introduction", "advanced") only reorder matches.
/// </summary>
internal sealed class LocalCorpusSource(
    LocalCorpusIndexProvider indexes,
    IOptions<ResearchOptions> options,
    ILogger<LocalCorpusSource> logger) : IResearchSource
{
    private const double TopicWeight = 1.0;
    private const double SubjectWeight = 0.5;
    private const double LevelWeight = 0.3;

    public string Name => ResearchSourceNames.Local;

    public async Task<IReadOnlyList<ResearchNote>> SearchAsync(ResearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var index = await indexes.GetAsync(cancellationToken);
        var limit = Math.Min(Math.Max(query.MaxResults, 1), options.Value.For(Name).MaxResults);

        var notes = index.Search(QueryTerms(query))
            .Take(limit)
            .Select(hit => new ResearchNote(hit.Chunk.Title, hit.Chunk.Url, Name, hit.Chunk.Text, Math.Round(hit.Score, 6)))
            .ToList();

        logger.LogDebug("Local corpus matched {NoteCount} notes for {Subject}/{Topic}", notes.Count, query.Subject, query.Topic);
        return notes;
    }

    /// <summary>
    /// The topic's terms make a match; the subject's terms (already implied by the corpus folder) and the level's
    /// words only reorder matches. With no usable topic words, the subject makes the match instead.
    /// </summary>
    internal static IReadOnlyList<QueryTerm> QueryTerms(ResearchQuery query)
    {
        var topic = TextTokenizer.Tokenize(query.Topic);
        var subject = TextTokenizer.Tokenize(query.Subject);
        var level = ResearchQueryText.LevelWords(query.Level).SelectMany(TextTokenizer.Tokenize);
        var topicRequired = topic.Count > 0;
        return
        [
            .. topic.Select(term => new QueryTerm(term, TopicWeight, Required: true)),
            .. subject.Select(term => new QueryTerm(term, SubjectWeight, Required: !topicRequired)),
            .. level.Select(term => new QueryTerm(term, LevelWeight, Required: false)),
        ];
    }
}
