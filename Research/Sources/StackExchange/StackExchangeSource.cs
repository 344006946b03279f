using System.Net;
using DurableLessons.Research.Configuration;
using DurableLessons.Research.Http;
using DurableLessons.Research.Text;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Sources.StackExchange;

/// <summary>
/// The "stackexchange" source: <c>/2.3/search/advanced</c> sorted by relevance on the configured site (default
/// stackoverflow) with question bodies, which are turned from HTML into plain text. Down-voted questions are left out.
/// </summary>
internal sealed class StackExchangeSource(IHttpClientFactory clients, IOptions<ResearchOptions> options, ILogger<StackExchangeSource> logger)
    : HttpResearchSource(clients, options, logger)
{
    public override string Name => ResearchSourceNames.StackExchange;

    protected override async Task<IReadOnlyList<ResearchNote>> SearchCoreAsync(SourceSearch search, CancellationToken cancellationToken)
    {
        var settings = search.Settings;
        var site = settings.Site ?? ResearchSourceDefaults.StackExchangeSite;
        var path = $"2.3/search/advanced?order=desc&sort=relevance&q={SourceUris.Escape(search.Keywords)}"
            + $"&site={SourceUris.Escape(site)}&filter=withbody&pagesize={Query(search.Limit)}";
        if (settings.ApiKey is not null)
        {
            path += $"&key={SourceUris.Escape(settings.ApiKey)}";
        }

        var baseUrl = settings.RequireBaseUrl();
        var response = await GetJsonAsync(search, SourceUris.Combine(baseUrl, path), ResearchJsonContext.Default.StackExchangeResponse, cancellationToken);
        if (response.ErrorId is not null)
        {
            throw new ResearchSourceException(Name, $"Research source '{Name}' answered error {response.ErrorId} ({response.ErrorName}): {response.ErrorMessage}");
        }

        var questions = (response.Items ?? [])
            .Where(question => question.Score >= 0)
            .Select(question => (Question: question, Url: SourceUris.Absolute(baseUrl, question.Link)))
            .Where(item => item.Url is not null && !string.IsNullOrWhiteSpace(item.Question.Title))
            .Take(search.Limit)
            .ToList();

        return questions
            .Select((item, rank) =>
            {
                var title = WebUtility.HtmlDecode(item.Question.Title!).Trim();
                var body = HtmlText.ToPlainText(item.Question.Body);
                var text = body.Length == 0 ? title : TextTrimmer.ToLength(body, MaxNoteChars);
                return new ResearchNote(title, item.Url!, Name, text, RankScore(rank, questions.Count));
            })
            .ToList();
    }
}
