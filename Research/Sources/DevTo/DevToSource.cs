using DurableLessons.Research.Configuration;
using DurableLessons.Research.Http;
using DurableLessons.Research.Text;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Sources.DevTo;

/// <summary>
/// The "devto" source: DEV Community articles by tag (<c>/api/articles?tag=…&amp;per_page=…</c>, most popular first),
/// trying up to <see cref="DevToTags.MaxAttempts"/> tags derived from the topic and subject. A note is an article's
/// description and tags: the API's list does not carry bodies.
/// </summary>
internal sealed class DevToSource(IHttpClientFactory clients, IOptions<ResearchOptions> options, ILogger<DevToSource> logger)
    : HttpResearchSource(clients, options, logger)
{
    public override string Name => ResearchSourceNames.DevTo;

    protected override async Task<IReadOnlyList<ResearchNote>> SearchCoreAsync(SourceSearch search, CancellationToken cancellationToken)
    {
        var baseUrl = search.Settings.RequireBaseUrl();
        foreach (var tag in DevToTags.Candidates(search.Query))
        {
            var uri = SourceUris.Combine(baseUrl, $"api/articles?tag={SourceUris.Escape(tag)}&per_page={Query(search.Limit)}");
            var articles = await GetJsonAsync(search, uri, ResearchJsonContext.Default.ListDevToArticle, cancellationToken);
            var usable = articles
                .Select(article => (Article: article, Url: SourceUris.Absolute(baseUrl, article.Url)))
                .Where(item => item.Url is not null && !string.IsNullOrWhiteSpace(item.Article.Title) && !string.IsNullOrWhiteSpace(item.Article.Description))
                .Take(search.Limit)
                .ToList();
            if (usable.Count > 0)
            {
                return usable.Select((item, rank) => ToNote(item.Article, item.Url!, RankScore(rank, usable.Count))).ToList();
            }
        }

        return [];
    }

    private ResearchNote ToNote(DevToArticle article, string url, double score)
    {
        var text = article.Description!.Trim();
        if (article.TagList is { Count: > 0 } tags)
        {
            text = $"{text}{(".!?".Contains(text[^1], StringComparison.Ordinal) ? string.Empty : ".")} Tags: {string.Join(", ", tags)}.";
        }

        return new ResearchNote(article.Title!.Trim(), url, Name, TextTrimmer.ToLength(text, MaxNoteChars), score);
    }
}
