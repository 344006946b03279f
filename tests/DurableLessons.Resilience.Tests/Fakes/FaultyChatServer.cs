using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Resilience.Tests.Fakes;

/// <summary>
/// A real chat-completions server on 127.0.0.1 (<c>/v1/chat/completions</c>) with switchable faults: a standing fault
/// for every request (<see cref="BreakWith"/>), and scripted one-shot faults per lesson step (<see cref="FailNext"/>),
/// which win over the standing one. Everything else gets a valid reply for its step. Every request is recorded.
/// </summary>
public sealed class FaultyChatServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ModelFault>> scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ModelRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly WebApplication app;
    private int standing;

    private FaultyChatServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>The value for <c>Llm:Providers:N:Endpoint</c>.</summary>
    public string Endpoint => new Uri(BaseUri, "v1").ToString();

    public IReadOnlyList<ModelRequest> Requests => requests.ToArray();

    public static async Task<FaultyChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        var app = builder.Build();
        FaultyChatServer? server = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.SingleOrDefault()
            ?? throw new InvalidOperationException("The fake chat server did not report a listening address.");
        server = new FaultyChatServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Answers every request with <paramref name="fault"/> until healed (scripted faults still come first).</summary>
    public void BreakWith(ModelFault fault) => Volatile.Write(ref standing, (int)fault);

    /// <summary>Drops the standing fault and every scripted fault not yet served.</summary>
    public void Heal()
    {
        Volatile.Write(ref standing, (int)ModelFault.None);
        scripted.Clear();
    }

    /// <summary>Heals the server and forgets every request it has seen.</summary>
    public void Reset()
    {
        Heal();
        requests.Clear();
    }

    /// <summary>The next requests for <paramref name="step"/> get these faults, in order; later ones are answered normally.</summary>
    public void FailNext(string step, params ModelFault[] faults)
    {
        var queue = scripted.GetOrAdd(step, _ => new ConcurrentQueue<ModelFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    public IReadOnlyList<ModelRequest> RequestsFor(string step) => Requests.Where(r => r.Step == step).ToArray();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = body.RootElement;
        var step = StepReplies.StepOf(request);
        var fault = scripted.TryGetValue(step, out var queue) && queue.TryDequeue(out var next) ? next : (ModelFault)Volatile.Read(ref standing);
        requests.Enqueue(new ModelRequest(step, DateTimeOffset.UtcNow, fault));
        var model = request.TryGetProperty("model", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        try
        {
            await AnswerAsync(context, fault, step, request, model);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The client gave up (its timeout) or the test is over: nothing left to answer.
        }
    }

    private async Task AnswerAsync(HttpContext context, ModelFault fault, string step, JsonElement request, string model)
    {
        switch (fault)
        {
            case ModelFault.RateLimited:
                context.Response.Headers.RetryAfter = "1";
                await ErrorAsync(context, StatusCodes.Status429TooManyRequests, "rate_limit_exceeded");
                break;
            case ModelFault.ServerError:
                await ErrorAsync(context, StatusCodes.Status500InternalServerError, "server_error");
                break;
            case ModelFault.Hang:
                using (var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token))
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, hang.Token);
                }

                break;
            case ModelFault.TruncatedJson:
                var whole = Completion(model, StepReplies.For(step, request).ToJsonString());
                await WriteJsonAsync(context, whole[..(whole.Length / 2)]);
                break;
            case ModelFault.SchemaInvalidJson:
                await WriteJsonAsync(context, Completion(model, StepReplies.SchemaInvalid().ToJsonString()));
                break;
            default:
                await WriteJsonAsync(context, Completion(model, StepReplies.For(step, request).ToJsonString()));
                break;
        }
    }

    private static string Completion(string model, string content) => new JsonObject
    {
        ["id"] = "chatcmpl-fault-injector",
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
        ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 60, ["total_tokens"] = 180 },
    }.ToJsonString();

    private static Task ErrorAsync(HttpContext context, int status, string code)
    {
        context.Response.StatusCode = status;
        var error = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = $"injected {status}", ["type"] = code, ["param"] = null, ["code"] = code },
        };
        return WriteJsonAsync(context, error.ToJsonString());
    }

    private static Task WriteJsonAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}
