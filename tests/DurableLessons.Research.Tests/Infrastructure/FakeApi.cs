using System.Collections.Concurrent;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Research.Tests.Infrastructure;

/// <summary>A <see cref="LoopbackServer"/> that answers like a real API and records what it was asked.</summary>
internal sealed class FakeApi : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<RecordedRequest> _requests;

    private FakeApi(LoopbackServer server, ConcurrentQueue<RecordedRequest> requests)
    {
        _server = server;
        _requests = requests;
    }

    public Uri BaseUrl => _server.BaseAddress;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeApi> StartAsync(Func<HttpContext, Task> handler)
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        var server = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            requests.Enqueue(RecordedRequest.From(context.Request));
            try
            {
                await handler(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up (a timeout or cancellation test): nothing left to answer.
            }
        }));
        return new FakeApi(server, requests);
    }

    public static Task Json(HttpContext context, string json, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>Holds the request open until the client goes away; <paramref name="started"/> says it arrived.</summary>
    public static async Task NeverAnswer(HttpContext context, TaskCompletionSource? started = null)
    {
        started?.TrySetResult();
        await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers)
{
    public static RecordedRequest From(HttpRequest request) => new(
        request.Path.Value ?? string.Empty,
        request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
        request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase));

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
