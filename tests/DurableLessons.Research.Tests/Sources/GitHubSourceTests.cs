using DurableLessons.Research.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Research.Tests.Sources;

public sealed class GitHubSourceTests
{
    // Shaped like GET /search/repositories (fields trimmed to those a client reads).
    private const string SearchJson = """
        {"total_count":3,"incomplete_results":false,"items":[
          {"id":1,"node_id":"R_1","name":"sql-joins-explained","full_name":"learn/sql-joins-explained","private":false,
           "html_url":"https://github.com/learn/sql-joins-explained","description":"Visual explanations of SQL joins","fork":false,
           "stargazers_count":1534,"language":"TSQL","topics":["sql","joins","tutorial"],"archived":false,"score":1.0},
          {"id":2,"name":"empty","full_name":"someone/empty","html_url":"https://github.com/someone/empty","description":null,"topics":[],"stargazers_count":0,"language":null,"archived":false,"score":0.9},
          {"id":3,"name":"old-joins","full_name":"old/old-joins","html_url":"https://github.com/old/old-joins","description":"Join examples for MySQL 5","topics":[],"stargazers_count":12,"language":null,"archived":true,"score":0.5}
        ]}
        """;

    [Fact]
    public async Task Describes_repositories_and_sends_the_token_and_api_headers()
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(context, SearchJson));
        var settings = ResearchTestHost.Enable("github", api.BaseUrl);
        settings["Research:Sources:github:ApiKey"] = "ghp_test_token";
        using var services = ResearchTestHost.Build(settings);

        var notes = await services.Source("github").SearchAsync(ResearchTestHost.Query("programming", "sql joins"), CancellationToken.None);

        Assert.Equal(["learn/sql-joins-explained", "old/old-joins"], notes.Select(note => note.Title));
        Assert.Equal("https://github.com/learn/sql-joins-explained", notes[0].Url);
        Assert.Equal("Visual explanations of SQL joins. Topics: sql, joins, tutorial. Written mainly in TSQL; 1,534 stars.", notes[0].Text);
        Assert.Equal("Join examples for MySQL 5. Archived (no longer maintained).", notes[1].Text);

        var request = Assert.Single(api.Requests);
        Assert.Equal("/search/repositories", request.Path);
        Assert.Equal("sql joins programming", request.Query["q"]);
        Assert.Equal("Bearer ghp_test_token", request.Header("Authorization"));
        Assert.Equal("application/vnd.github+json", request.Header("Accept"));
        Assert.Equal("2022-11-28", request.Header("X-GitHub-Api-Version"));
    }

    [Fact]
    public async Task Without_a_token_no_authorization_is_sent_and_a_rate_limit_is_reported_with_githubs_message()
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(
            context,
            """{"message":"API rate limit exceeded for 127.0.0.1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}""",
            StatusCodes.Status403Forbidden));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable("github", api.BaseUrl));

        var error = await Assert.ThrowsAsync<ResearchSourceException>(
            () => services.Source("github").SearchAsync(ResearchTestHost.Query("programming", "sql joins"), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("API rate limit exceeded", error.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(api.Requests).Header("Authorization"));
    }
}
