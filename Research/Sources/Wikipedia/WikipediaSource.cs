using DurableLessons.Research.Configuration;
using DurableLessons.Research.Http;
using DurableLessons.Research.Text;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Sources.Wikipedia;

/// <summary>
/// The "wikipedia" source: the REST search (<c>/w/rest.php/v1/search/page</c>), then each hit's page summary
/// (<c>/api/rest_v1/page/summary/{key}</c>) in parallel for a plain-text lead. A summary that fails falls back to the
/// search excerpt; disambiguation pages are skipped. The edition follows the query's language.
/// </summary>
internal sealed class WikipediaSource(IHttpClientFactory clients, IOptions<ResearchOptions> options, ILogger<WikipediaSource> logger)
    : HttpResearchSource(clients, options, logger)
{
    public override string Name => ResearchSourceNames.Wikipedia;

    protected override async Task<IReadOnlyList<ResearchNote>> SearchCoreAsync(SourceSearch search, CancellationToken cancellationToken)
    {
        var baseUrl = WikipediaEndpoint.ForLanguage(search.Settings.RequireBaseUrl(), search.Query.Language);
        var searchUri = SourceUris.Combine(baseUrl, $"w/rest.php/v1/search/page?q={SourceUris.Escape(search.Keywords)}&limit={Query(search.Limit)}");
        var found = await GetJsonAsync(search, searchUri, ResearchJsonContext.Default.WikipediaSearchResponse, cancellationToken);

        var pages = (found.Pages ?? []).Where(page => !string.IsNullOrWhiteSpace(page.Key)).Take(search.Limit).ToList();
        var notes = await Task.WhenAll(pages.Select((page, rank) => NoteAsync(search, baseUrl, page, RankScore(rank, pages.Count), cancellationToken)));
        return notes.OfType<ResearchNote>().ToList();
    }

    private async Task<ResearchNote?> NoteAsync(SourceSearch search, Uri baseUrl, WikipediaPage page, double score, CancellationToken cancellationToken)
    {
        var key = page.Key!;
        WikipediaSummary? summary = null;
        try
        {
            var summaryUri = SourceUris.Combine(baseUrl, $"api/rest_v1/page/summary/{SourceUris.Escape(key)}");
            summary = await GetJsonAsync(search, summaryUri, ResearchJsonContext.Default.WikipediaSummary, cancellationToken);
        }
        catch (ResearchSourceException ex)
        {
            Logger.LogWarning("Wikipedia summary of {PageKey} failed, using the search excerpt: {Reason}", key, ex.Message);
        }

        if (string.Equals(summary?.Type, "disambiguation", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = FirstText(summary?.Extract, HtmlText.ToPlainText(page.Excerpt), summary?.Description, page.Description);
        if (text is null)
        {
            return null;
        }

        var url = SourceUris.Absolute(baseUrl, summary?.ContentUrls?.Desktop?.Page)
            ?? SourceUris.Combine(baseUrl, $"wiki/{SourceUris.Escape(key)}").AbsoluteUri;
        var title = FirstText(summary?.Title, page.Title) ?? key.Replace('_', ' ');
        return new ResearchNote(title, url, Name, TextTrimmer.ToLength(text, MaxNoteChars), score);
    }

    private static string? FirstText(params string?[] candidates) =>
        candidates.FirstOrDefault(candidate => !string.IsNullOrWhiteSpace(candidate))?.Trim();
}
