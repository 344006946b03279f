using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using DurableLessons.Research.Configuration;
using DurableLessons.Research.Http;
using DurableLessons.Research.Text;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Sources.GitHub;

/// <summary>
/// The "github" source: <c>/search/repositories</c> (best match), each repository described by its description,
/// topics, main language and stars. READMEs are not fetched: one more request per hit against a 10-per-minute
/// anonymous search quota is not cheap. <c>Research:Sources:github:ApiKey</c>, if set, is sent as a Bearer token.
/// </summary>
internal sealed class GitHubSource(IHttpClientFactory clients, IOptions<ResearchOptions> options, ILogger<GitHubSource> logger)
    : HttpResearchSource(clients, options, logger)
{
    public const string ApiVersion = "2022-11-28";

    public override string Name => ResearchSourceNames.GitHub;

    protected override async Task<IReadOnlyList<ResearchNote>> SearchCoreAsync(SourceSearch search, CancellationToken cancellationToken)
    {
        var baseUrl = search.Settings.RequireBaseUrl();
        var uri = SourceUris.Combine(baseUrl, $"search/repositories?q={SourceUris.Escape(search.Keywords)}&per_page={Query(search.Limit)}");
        var response = await GetJsonAsync(search, uri, ResearchJsonContext.Default.GitHubSearchResponse, cancellationToken, headers =>
        {
            headers.Accept.Clear();
            headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            headers.Add("X-GitHub-Api-Version", ApiVersion);
            if (search.Settings.ApiKey is { } token)
            {
                headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        });

        var repositories = (response.Items ?? [])
            .Select(repository => (Repository: repository, Url: SourceUris.Absolute(baseUrl, repository.HtmlUrl), Text: Describe(repository)))
            .Where(item => item.Url is not null && item.Text.Length > 0 && !string.IsNullOrWhiteSpace(item.Repository.FullName))
            .Take(search.Limit)
            .ToList();

        return repositories
            .Select((item, rank) => new ResearchNote(item.Repository.FullName!, item.Url!, Name, TextTrimmer.ToLength(item.Text, MaxNoteChars), RankScore(rank, repositories.Count)))
            .ToList();
    }

    /// <summary>"A tutorial on SQL joins. Topics: sql, database. Written mainly in C#; 1,234 stars." or empty with nothing to say.</summary>
    private static string Describe(GitHubRepository repository)
    {
        var description = repository.Description?.Trim() ?? string.Empty;
        var topics = repository.Topics?.Where(topic => !string.IsNullOrWhiteSpace(topic)).ToList() ?? [];
        if (description.Length == 0 && topics.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder(description);
        if (text.Length > 0 && !".!?".Contains(text[^1], StringComparison.Ordinal))
        {
            text.Append('.');
        }

        if (topics.Count > 0)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append("Topics: ").AppendJoin(", ", topics).Append('.');
        }

        if (!string.IsNullOrWhiteSpace(repository.Language))
        {
            text.Append(CultureInfo.InvariantCulture, $" Written mainly in {repository.Language}; {repository.StargazersCount:N0} stars.");
        }

        if (repository.Archived)
        {
            text.Append(" Archived (no longer maintained).");
        }

        return text.ToString();
    }
}
