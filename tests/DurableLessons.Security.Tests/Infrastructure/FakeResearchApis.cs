using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Security.Tests.Infrastructure;

/// <summary>
/// Stack Exchange (<c>/2.3/search/advanced</c>, one question whose body is <see cref="QuestionBody"/>) and GitHub
/// (<c>/search/repositories</c>, failing with 500) on 127.0.0.1, recording the credentials each one received.
/// </summary>
public sealed class FakeResearchApis : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stackExchangeKeys = new();
    private readonly ConcurrentQueue<string> _gitHubAuthorizations = new();
    private LoopbackServer _server = null!;

    private FakeResearchApis(string questionBody) => QuestionBody = questionBody;

    public string BaseUrl => _server.BaseUrl;

    public string QuestionBody { get; }

    public IReadOnlyList<string> StackExchangeKeys => [.. _stackExchangeKeys];

    public IReadOnlyList<string> GitHubAuthorizations => [.. _gitHubAuthorizations];

    public static async Task<FakeResearchApis> StartAsync(string questionBody)
    {
        var fake = new FakeResearchApis(questionBody);
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/2.3/search/advanced", fake.StackExchangeAsync);
            app.MapGet("/search/repositories", fake.GitHubAsync);
        });
        return fake;
    }

    /// <summary>Configuration that points the two sources here, with API keys, and leaves every other web source off.</summary>
    public Dictionary<string, string> Settings(string stackExchangeKey, string gitHubToken) => new()
    {
        ["Research:Sources:stackexchange:Enabled"] = "true",
        ["Research:Sources:stackexchange:BaseUrl"] = BaseUrl,
        ["Research:Sources:stackexchange:ApiKey"] = stackExchangeKey,
        ["Research:Sources:github:Enabled"] = "true",
        ["Research:Sources:github:BaseUrl"] = BaseUrl,
        ["Research:Sources:github:ApiKey"] = gitHubToken,
        ["Research:Sources:wikipedia:Enabled"] = "false",
        ["Research:Sources:devto:Enabled"] = "false",
        ["Research:Sources:docs:Enabled"] = "false",
    };

    private Task StackExchangeAsync(HttpContext context)
    {
        _stackExchangeKeys.Enqueue(context.Request.Query["key"].ToString());
        var answer = new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["question_id"] = 1,
                ["title"] = "How do regular verbs form the past tense?",
                ["link"] = "https://stackoverflow.com/questions/1/regular-verbs",
                ["body"] = $"<p>{System.Net.WebUtility.HtmlEncode(QuestionBody)}</p>",
                ["score"] = 12,
                ["is_answered"] = true,
                ["tags"] = new JsonArray("english", "verbs"),
            }),
            ["has_more"] = false,
            ["quota_remaining"] = 9999,
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private Task GitHubAsync(HttpContext context)
    {
        _gitHubAuthorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("""{"message":"Server Error"}""", context.RequestAborted);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
