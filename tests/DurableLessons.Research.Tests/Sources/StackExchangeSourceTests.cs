using System.IO.Compression;
using System.Text;
using DurableLessons.Research.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Research.Tests.Sources;

public sealed class StackExchangeSourceTests
{
    // Shaped like GET /2.3/search/advanced?filter=withbody: HTML-escaped titles, HTML bodies, always gzip-compressed.
    private const string SearchJson = """
        {"items":[
          {"tags":["c#","async-await"],"owner":{"display_name":"ana"},"is_answered":true,"view_count":1200,"accepted_answer_id":2,"answer_count":3,"score":42,
           "last_activity_date":1700000000,"creation_date":1600000000,"question_id":101,"content_license":"CC BY-SA 4.0",
           "link":"https://stackoverflow.com/questions/101/when-to-use-quot-await-quot","title":"When should I use &quot;await&quot; in C#?",
           "body":"<p>I call <code>GetAsync()</code> &amp; block on <code>.Result</code>.</p><script>steal()</script><pre><code>var r = client.GetAsync(url).Result;\n</code></pre><p>Why does it deadlock?</p>"},
          {"tags":["c#"],"is_answered":false,"score":-3,"question_id":102,"link":"https://stackoverflow.com/questions/102/bad","title":"bad question","body":"<p>pls help</p>"},
          {"tags":["c#"],"is_answered":true,"score":5,"question_id":103,"link":"https://stackoverflow.com/questions/103/async-void","title":"Is async void ever OK?","body":"<p>Only for event handlers?</p>"}
        ],"has_more":true,"quota_max":300,"quota_remaining":297}
        """;

    [Fact]
    public async Task Reads_compressed_results_strips_html_bodies_and_leaves_out_downvoted_questions()
    {
        await using var api = await FakeApi.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(SearchJson), context.RequestAborted);
        });
        var settings = ResearchTestHost.Enable("stackexchange", api.BaseUrl);
        settings["Research:Sources:stackexchange:Site"] = "softwareengineering";
        using var services = ResearchTestHost.Build(settings);

        var notes = await services.Source("stackexchange").SearchAsync(ResearchTestHost.Query("programming", "C# async await"), CancellationToken.None);

        Assert.Equal(
            [
                new ResearchNoteView("When should I use \"await\" in C#?", "https://stackoverflow.com/questions/101/when-to-use-quot-await-quot", "stackexchange"),
                new ResearchNoteView("Is async void ever OK?", "https://stackoverflow.com/questions/103/async-void", "stackexchange"),
            ],
            notes.Select(ResearchNoteView.Of));
        Assert.Equal("I call GetAsync() & block on .Result.\n\nvar r = client.GetAsync(url).Result;\n\nWhy does it deadlock?", notes[0].Text);

        var request = Assert.Single(api.Requests);
        Assert.Equal("/2.3/search/advanced", request.Path);
        Assert.Equal("C# async await programming", request.Query["q"]);
        Assert.Equal("softwareengineering", request.Query["site"]);
        Assert.Equal("withbody", request.Query["filter"]);
        Assert.Equal("relevance", request.Query["sort"]);
        Assert.Equal("desc", request.Query["order"]);
        Assert.False(request.Query.ContainsKey("key"));
    }

    [Fact]
    public async Task An_api_error_is_reported_with_the_apis_own_message()
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(
            context,
            """{"error_id":502,"error_message":"too many requests from this IP, more requests available in 600 seconds","error_name":"throttle_violation"}""",
            StatusCodes.Status400BadRequest));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable("stackexchange", api.BaseUrl));

        var error = await Assert.ThrowsAsync<ResearchSourceException>(
            () => services.Source("stackexchange").SearchAsync(ResearchTestHost.Query("programming", "sql joins"), CancellationToken.None));

        Assert.Equal("stackexchange", error.SourceName);
        Assert.Contains("HTTP 400", error.Message, StringComparison.Ordinal);
        Assert.Contains("too many requests from this IP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_key_is_sent_as_the_key_parameter()
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(context, """{"items":[],"has_more":false,"quota_max":10000,"quota_remaining":9999}"""));
        var settings = ResearchTestHost.Enable("stackexchange", api.BaseUrl);
        settings["Research:Sources:stackexchange:ApiKey"] = "abc(123)";
        using var services = ResearchTestHost.Build(settings);

        var notes = await services.Source("stackexchange").SearchAsync(ResearchTestHost.Query("programming", "git rebase"), CancellationToken.None);

        Assert.Empty(notes);
        Assert.Equal("abc(123)", Assert.Single(api.Requests).Query["key"]);
    }
}
