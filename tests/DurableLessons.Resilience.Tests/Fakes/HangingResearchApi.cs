using System.Collections.Concurrent;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Resilience.Tests.Fakes;

/// <summary>One hung call: which path was asked, when, and when the caller gave up on it (null while still waiting).</summary>
public sealed record HungCall(string Path, DateTimeOffset Started, DateTimeOffset? AbandonedAt);

/// <summary>
/// A loopback server that plays any research API and never answers: each request waits for
/// <see cref="HangFor"/> or until the caller gives up or the server stops.
/// </summary>
public sealed class HangingResearchApi : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, HungCall> calls = new();
    private readonly CancellationTokenSource stopping = new();
    private LoopbackServer server = null!;

    /// <summary>How long a request hangs: far beyond any source timeout a test configures.</summary>
    public static TimeSpan HangFor { get; } = TimeSpan.FromMinutes(5);

    public string BaseUrl => server.BaseUrl;

    public IReadOnlyList<HungCall> Calls => calls.Values.OrderBy(c => c.Started).ToArray();

    public static async Task<HangingResearchApi> StartAsync()
    {
        var api = new HangingResearchApi();
        api.server = await LoopbackServer.StartAsync(app => app.MapFallback(api.HangAsync));
        return api;
    }

    private async Task HangAsync(HttpContext context)
    {
        var id = Guid.NewGuid();
        calls[id] = new HungCall(context.Request.Path, DateTimeOffset.UtcNow, null);
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            await Task.Delay(HangFor, hang.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            calls[id] = calls[id] with { AbandonedAt = DateTimeOffset.UtcNow };
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The test is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await server.DisposeAsync();
        stopping.Dispose();
    }
}
