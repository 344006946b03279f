using System.Net;
using DurableLessons.Bench.Http;
using DurableLessons.Bench.Http.Wire;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Bench.Tests;

/// <summary>The load generator against a real Kestrel on 127.0.0.1 (JSON answers are chunked, as in the bench).</summary>
public sealed class LoadGeneratorTests : IAsyncLifetime
{
    private static readonly TimeSpan Unbounded = TimeSpan.FromMinutes(1);
    private LoopbackServer? _server;
    private int _connectionsClosedByServer;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(Map);
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/instances/{id}", (string id) => TypedResults.Json(new { instanceId = id, runtimeStatus = "Completed" }));
        app.MapPost("/start/{id}", async (string id, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return await reader.ReadToEndAsync() == "1" ? Results.Accepted($"/instances/{id}") : Results.BadRequest("body must be 1");
        });
        app.MapGet("/missing", () => Results.NotFound("no such instance"));
        app.MapGet("/once", (HttpContext context) =>
        {
            Interlocked.Increment(ref _connectionsClosedByServer);
            context.Response.Headers.Connection = "close";
            return "bye";
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Counts_every_json_answer_until_the_request_budget_is_used()
    {
        using var load = new LoadGenerator(BaseAddress);

        var summary = await load.RunAsync(4, Unbounded, 300, n => HttpRequestSpec.Get($"/instances/i{n}"), HttpStatusCode.OK, CancellationToken.None);

        Assert.Equal(300, summary.Requests);
        Assert.Equal(0, summary.Errors);
        Assert.Null(summary.FirstError);
        Assert.True(summary.P99Milliseconds >= summary.P50Milliseconds);
    }

    [Fact]
    public async Task Sends_the_request_body()
    {
        using var load = new LoadGenerator(BaseAddress);

        var summary = await load.RunAsync(3, Unbounded, 60, n => HttpRequestSpec.PostJson($"/start/s{n}", "1"), HttpStatusCode.Accepted, CancellationToken.None);

        Assert.Equal(60, summary.Requests);
        Assert.Equal(0, summary.Errors);
    }

    [Fact]
    public async Task Counts_a_wrong_status_as_an_error_and_keeps_the_first_body()
    {
        using var load = new LoadGenerator(BaseAddress);

        var summary = await load.RunAsync(2, Unbounded, 20, _ => HttpRequestSpec.Get("/missing"), HttpStatusCode.OK, CancellationToken.None);

        Assert.Equal(0, summary.Requests);
        Assert.Equal(20, summary.Errors);
        Assert.Contains("GET /missing answered 404", summary.FirstError, StringComparison.Ordinal);
        Assert.Contains("no such instance", summary.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnects_when_the_server_closes_after_each_answer()
    {
        using var load = new LoadGenerator(BaseAddress);

        var summary = await load.RunAsync(2, Unbounded, 30, _ => HttpRequestSpec.Get("/once"), HttpStatusCode.OK, CancellationToken.None);

        Assert.Equal(30, summary.Requests);
        Assert.Equal(0, summary.Errors);
        Assert.Equal(30, _connectionsClosedByServer);
    }

    private Uri BaseAddress => new(_server!.BaseUrl);
}
