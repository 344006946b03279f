using DurableLessons.Research.Configuration;
using DurableLessons.Research.Http;
using DurableLessons.Research.Text;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Sources.Docs;

/// <summary>
/// The "docs" source: any documentation site (or a small adapter in front of one) that answers
/// <c>{BaseUrl}/{SearchPath}</c> (default <c>search.json?q={query}&amp;limit={limit}</c>) with the JSON shape of
/// <see cref="DocsSearchResponse"/>. Results keep the site's order; its scores are passed on when it gives them.
/// </summary>
internal sealed class DocsSiteSource(IHttpClientFactory clients, IOptions<ResearchOptions> options, ILogger<DocsSiteSource> logger)
    : HttpResearchSource(clients, options, logger)
{
    public override string Name => ResearchSourceNames.Docs;

    protected override async Task<IReadOnlyList<ResearchNote>> SearchCoreAsync(SourceSearch search, CancellationToken cancellationToken)
    {
        var baseUrl = search.Settings.RequireBaseUrl();
        var path = (search.Settings.SearchPath ?? ResearchSourceDefaults.DocsSearchPath)
            .Replace("{query}", SourceUris.Escape(search.Keywords), StringComparison.Ordinal)
            .Replace("{limit}", Query(search.Limit), StringComparison.Ordinal);
        var response = await GetJsonAsync(search, SourceUris.Combine(baseUrl, path), ResearchJsonContext.Default.DocsSearchResponse, cancellationToken);

        var results = (response.Results ?? [])
            .Select(result => (Result: result, Url: SourceUris.Absolute(baseUrl, result.Url)))
            .Where(item => item.Url is not null && !string.IsNullOrWhiteSpace(item.Result.Title) && !string.IsNullOrWhiteSpace(item.Result.Text))
            .Take(search.Limit)
            .ToList();

        return results
            .Select((item, rank) => new ResearchNote(
                item.Result.Title!.Trim(),
                item.Url!,
                Name,
                TextTrimmer.ToLength(item.Result.Text!, MaxNoteChars),
                item.Result.Score is { } score && double.IsFinite(score) ? score : RankScore(rank, results.Count)))
            .ToList();
    }
}
