using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Testing.Models;

/// <summary>
/// A real chat-completions server on 127.0.0.1 (<c>/v1/chat/completions</c>, the Azure v1 path
/// <c>/openai/v1/chat/completions</c> and the Azure deployment path <c>/openai/deployments/{deployment}/chat/completions</c>)
/// that records every request. Each request is answered by, in this order: the next reply scripted for its step
/// (<see cref="ScriptStep"/>), the next reply scripted for any step (<see cref="Enqueue"/>), the standing reply
/// (<see cref="AnswerEveryRequestWith"/>), the responder given at start, or else a 500.
/// </summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ChatReply>> _byStep = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ChatReply> _queue = new();
    private readonly ConcurrentQueue<ChatRequest> _requests = new();
    private readonly ConcurrentQueue<(ChatRequest Request, long AnsweredTimestamp)> _answered = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<ChatRequest, ChatReply>? _responder;
    private LoopbackServer _server = null!;
    private ChatReply? _standing;
    private int _abandoned;

    private ScriptedChatServer(Func<ChatRequest, ChatReply>? responder) => _responder = responder;

    /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUri => _server.BaseAddress;

    /// <summary>The endpoint as configured for OpenAI or a compatible server (<c>Llm:Providers:N:Endpoint</c>): <c>http://127.0.0.1:port/v1</c>.</summary>
    public string Endpoint => new Uri(BaseUri, "v1").ToString();

    /// <summary>The endpoint as configured for Azure OpenAI v1: <c>http://127.0.0.1:port/openai/v1/</c>.</summary>
    public string AzureEndpoint => new Uri(BaseUri, "openai/v1/").ToString();

    /// <summary>The endpoint as configured for the Azure OpenAI client: the resource, <c>http://127.0.0.1:port/</c>.</summary>
    public string AzureResourceEndpoint => BaseUri.ToString();

    /// <summary>Every request received, in arrival order, with the reply chosen for it.</summary>
    public IReadOnlyList<ChatRequest> Requests => [.. _requests];

    /// <summary>The requests whose reply was written in full, with when that finished (Stopwatch timestamp).</summary>
    public IReadOnlyList<(ChatRequest Request, long AnsweredTimestamp)> Answered => [.. _answered];

    /// <summary>Requests whose caller went away before the reply was written (a client timeout, a killed host).</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    /// <summary>Starts the server; <paramref name="responder"/> answers whatever is not scripted (else a 500).</summary>
    public static async Task<ScriptedChatServer> StartAsync(Func<ChatRequest, ChatReply>? responder = null, CancellationToken cancellationToken = default)
    {
        var server = new ScriptedChatServer(responder);
        server._server = await LoopbackServer.StartAsync(
            app =>
            {
                app.MapPost("/v1/chat/completions", server.HandleAsync);
                app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
                app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
            },
            cancellationToken: cancellationToken);
        return server;
    }

    /// <summary>The next requests, whatever their step, get these replies in order.</summary>
    public ScriptedChatServer Enqueue(params ChatReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var reply in replies)
        {
            _queue.Enqueue(reply);
        }

        return this;
    }

    /// <summary>The next requests for <paramref name="step"/> (its schema name) get these replies in order.</summary>
    public ScriptedChatServer ScriptStep(string step, params ChatReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var queue = _byStep.GetOrAdd(step, _ => new ConcurrentQueue<ChatReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }

        return this;
    }

    /// <summary>Answers every request not scripted with <paramref name="reply"/>; null lifts it.</summary>
    public void AnswerEveryRequestWith(ChatReply? reply) => Volatile.Write(ref _standing, reply);

    /// <summary>Drops the standing reply and every scripted reply not yet served.</summary>
    public void ClearScripts()
    {
        Volatile.Write(ref _standing, null);
        _byStep.Clear();
        _queue.Clear();
    }

    /// <summary>Clears the scripts and forgets every request seen.</summary>
    public void Reset()
    {
        ClearScripts();
        _requests.Clear();
        _answered.Clear();
    }

    public IReadOnlyList<ChatRequest> RequestsFor(string step) => Requests.Where(r => r.Step == step).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _server.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var received = new ChatRequest(context.Request.Path, context.Request.QueryString.Value ?? string.Empty, headers, body.RootElement.Clone(), Stopwatch.GetTimestamp());
        var reply = Choose(received);
        var request = received with { Reply = reply };
        _requests.Enqueue(request);
        using var answering = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await reply.WriteAsync(context, request, answering.Token);
            _answered.Enqueue((request, Stopwatch.GetTimestamp()));
        }
        catch (Exception error) when (error is OperationCanceledException or IOException && answering.IsCancellationRequested)
        {
            // The client gave up (its timeout, a killed host) or the test is over: nothing left to answer.
            if (context.RequestAborted.IsCancellationRequested)
            {
                Interlocked.Increment(ref _abandoned);
            }
        }
    }

    private ChatReply Choose(ChatRequest request)
    {
        if (_byStep.TryGetValue(request.Step, out var stepQueue) && stepQueue.TryDequeue(out var scripted))
        {
            return scripted;
        }

        if (_queue.TryDequeue(out var next))
        {
            return next;
        }

        return Volatile.Read(ref _standing) ?? _responder?.Invoke(request) ?? ChatReply.Error(StatusCodes.Status500InternalServerError);
    }
}
