using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Llm.Tests.Fakes;

/// <summary>What the fake server received.</summary>
public sealed record RecordedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonElement Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public string Message(string role) =>
        Body.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == role).GetProperty("content").GetString()!;
}

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the chat-completions protocol on <c>/v1/chat/completions</c>, the Azure
/// v1 path <c>/openai/v1/chat/completions</c> and the Azure deployment path
/// <c>/openai/deployments/{deployment}/chat/completions</c>; each request takes the next scripted reply (a 500 when
/// none is left).
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> replies = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly WebApplication app;

    private FakeChatServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>The endpoint as configured for OpenAI or a compatible server: <c>http://127.0.0.1:port/v1</c>.</summary>
    public string OpenAiEndpoint => new Uri(BaseUri, "v1").ToString();

    /// <summary>The endpoint as configured for Azure OpenAI v1: <c>http://127.0.0.1:port/openai/v1/</c>.</summary>
    public string AzureEndpoint => new Uri(BaseUri, "openai/v1/").ToString();

    /// <summary>The endpoint as configured for the Azure OpenAI client: the resource, <c>http://127.0.0.1:port/</c>.</summary>
    public string AzureResourceEndpoint => BaseUri.ToString();

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        var app = builder.Build();
        FakeChatServer? server = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => server!.HandleAsync(context));
        app.MapPost("/openai/v1/chat/completions", (HttpContext context) => server!.HandleAsync(context));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (HttpContext context) => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.SingleOrDefault()
            ?? throw new InvalidOperationException("The fake chat server did not report a listening address.");
        server = new FakeChatServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public FakeChatServer Enqueue(params FakeReply[] scripted)
    {
        foreach (var reply in scripted)
        {
            replies.Enqueue(reply);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        requests.Enqueue(new RecordedRequest(context.Request.Path, context.Request.QueryString.Value ?? string.Empty, headers, body.RootElement.Clone()));
        var model = body.RootElement.TryGetProperty("model", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        if (!replies.TryDequeue(out var reply))
        {
            reply = FakeReply.Error(500);
        }

        try
        {
            await reply.WriteAsync(context, model);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): nothing left to answer.
        }
    }
}
