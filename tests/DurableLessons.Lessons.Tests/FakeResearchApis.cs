using System.Collections.Concurrent;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Lessons.Tests;

/// <summary>
/// One loopback server playing several public research APIs, shaped like the real ones: Wikipedia and DEV answer
/// after a delay, Stack Exchange hangs, GitHub fails. It records when each answering call started and ended.
/// </summary>
public sealed class FakeResearchApis : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    public string BaseUrl => _server.BaseUrl;

    public ConcurrentBag<(string Api, DateTime Started, DateTime Ended)> Calls { get; } = [];

    public static async Task<FakeResearchApis> StartAsync(TimeSpan answerDelay)
    {
        var fake = new FakeResearchApis();
        fake._server = await LoopbackServer.StartAsync(app => fake.Map(app, answerDelay));
        return fake;
    }

    private void Map(WebApplication app, TimeSpan answerDelay)
    {
        app.MapGet("/w/rest.php/v1/search/page", (HttpContext c) => AnswerAsync(c, "wikipedia", answerDelay, """
            {"pages":[{"id":7,"key":"English_verbs","title":"English verbs","excerpt":"Verbs in English","description":"Words for actions","thumbnail":null}]}
            """));
        app.MapGet("/api/rest_v1/page/summary/{title}", (HttpContext c) => Json(c, """
            {"type":"standard","title":"English verbs","extract":"Verbs in English change form to show tense. Regular verbs add -ed in the past; irregular verbs such as go and went do not.","content_urls":{"desktop":{"page":"https://en.wikipedia.org/wiki/English_verbs"}}}
            """));
        app.MapGet("/api/articles", (HttpContext c) => AnswerAsync(c, "devto", answerDelay, """
            [{"type_of":"article","id":9,"title":"Learning English verbs","description":"A friendly tour of English verbs and tenses for beginners.","url":"https://dev.to/ana/english-verbs","tag_list":["english","verbs"]}]
            """));
        app.MapGet("/2.3/search/advanced", async (HttpContext c) => await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));
        app.MapGet("/search/repositories", (HttpContext c) => Json(c, """{"message":"boom"}""", StatusCodes.Status500InternalServerError));
    }

    private async Task AnswerAsync(HttpContext context, string api, TimeSpan delay, string json)
    {
        var started = DateTime.UtcNow;
        await Task.Delay(delay, context.RequestAborted);
        await Json(context, json);
        Calls.Add((api, started, DateTime.UtcNow));
    }

    private static Task Json(HttpContext context, string json, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
