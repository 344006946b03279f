using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DurableLessons.Load.FakeModel;

/// <summary>
/// A chat-completions server on 127.0.0.1 (<c>/v1/chat/completions</c>) that answers every lesson step with a valid
/// reply after a random delay in [min, max], and logs each call's service time (arrival to reply written).
/// </summary>
internal sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeSpan latencyMin;
    private readonly TimeSpan latencyMax;

    private FakeModelServer(WebApplication app, TimeSpan latencyMin, TimeSpan latencyMax)
    {
        this.app = app;
        this.latencyMin = latencyMin;
        this.latencyMax = latencyMax;
    }

    public ModelCallLog Calls { get; } = new();

    /// <summary>The provider endpoint to configure: <c>http://127.0.0.1:port/v1</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public static async Task<FakeModelServer> StartAsync(TimeSpan latencyMin, TimeSpan latencyMax, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeModelServer(app, latencyMin, latencyMax);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.SingleOrDefault()
            ?? throw new InvalidOperationException("The fake model did not report a listening address.");
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = request.RootElement;
        var step = root.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString() ?? string.Empty;
        var system = Message(root, "system");
        var content = StepReplies.For(step, Message(root, "user"));
        if (content is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"unknown step '{step}'", context.RequestAborted);
            return;
        }

        var delay = NextDelay();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Completion(root.GetProperty("model").GetString() ?? string.Empty, content), context.RequestAborted);
        Calls.Add(new ModelCall(StepReplies.TopicOf(system), step, started, Stopwatch.GetTimestamp()));
    }

    // Latency is simulated, not secret: a shared pseudo-random source is what is wanted here.
#pragma warning disable CA5394
    private TimeSpan NextDelay() =>
        latencyMin + ((latencyMax - latencyMin) * Random.Shared.NextDouble());
#pragma warning restore CA5394

    private static string Message(JsonElement root, string role)
    {
        foreach (var message in root.GetProperty("messages").EnumerateArray())
        {
            if (message.GetProperty("role").GetString() == role)
            {
                return message.GetProperty("content") is { ValueKind: JsonValueKind.String } text
                    ? text.GetString() ?? string.Empty
                    : string.Concat(message.GetProperty("content").EnumerateArray().Select(part => part.GetProperty("text").GetString()));
            }
        }

        return string.Empty;
    }

    private static string Completion(string model, string content) => new JsonObject
    {
        ["id"] = "chatcmpl-load",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 400, ["completion_tokens"] = 150, ["total_tokens"] = 550 },
    }.ToJsonString();
}
