using System.Collections.Frozen;
using DurableLessons.Testing.Models;

namespace DurableLessons.Resilience.Tests.Fakes;

/// <summary>
/// The shared <see cref="ScriptedChatServer"/> in the words of these tests: a standing fault for every request
/// (<see cref="BreakWith"/>), scripted one-shot faults per lesson step (<see cref="FailNext"/>, steps named without the
/// <c>lesson_</c> prefix), which win over the standing one; everything else gets a valid reply built from its prompt.
/// </summary>
public sealed class FaultyChatServer : IAsyncDisposable
{
    private const int PromptTokens = 120;
    private const int CompletionTokens = 60;

    private static readonly ChatReply Valid = ChatReply.For(request =>
        ChatReply.Completion(StepReplies.For(StepOf(request), request.Body).ToJsonString(), PromptTokens, CompletionTokens));

    private static readonly FrozenDictionary<ModelFault, ChatReply> Replies = new Dictionary<ModelFault, ChatReply>
    {
        [ModelFault.None] = Valid,
        [ModelFault.RateLimited] = ChatReply.Error(429, "rate_limit_exceeded", ("Retry-After", "1")),
        [ModelFault.ServerError] = ChatReply.Error(500, "server_error"),
        [ModelFault.Hang] = ChatReply.Hang,
        [ModelFault.TruncatedJson] = ChatReply.For(request =>
            ChatReply.Truncated(StepReplies.For(StepOf(request), request.Body).ToJsonString(), PromptTokens, CompletionTokens)),
        [ModelFault.SchemaInvalidJson] = ChatReply.Completion(StepReplies.SchemaInvalid().ToJsonString(), PromptTokens, CompletionTokens),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ChatReply, ModelFault> Faults =
        Replies.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    private readonly ScriptedChatServer _server;

    private FaultyChatServer(ScriptedChatServer server) => _server = server;

    public Uri BaseUri => _server.BaseUri;

    /// <summary>The value for <c>Llm:Providers:N:Endpoint</c>.</summary>
    public string Endpoint => _server.Endpoint;

    public IReadOnlyList<ModelRequest> Requests =>
        _server.Requests.Select(r => new ModelRequest(StepOf(r), r.ReceivedAt, Faults[r.Reply!])).ToArray();

    public static async Task<FaultyChatServer> StartAsync() => new(await ScriptedChatServer.StartAsync(_ => Valid));

    /// <summary>Answers every request with <paramref name="fault"/> until healed (scripted faults still come first).</summary>
    public void BreakWith(ModelFault fault) => _server.AnswerEveryRequestWith(fault == ModelFault.None ? null : Replies[fault]);

    /// <summary>Drops the standing fault and every scripted fault not yet served.</summary>
    public void Heal() => _server.ClearScripts();

    /// <summary>Heals the server and forgets every request it has seen.</summary>
    public void Reset() => _server.Reset();

    /// <summary>The next requests for <paramref name="step"/> get these faults, in order; later ones are answered normally.</summary>
    public void FailNext(string step, params ModelFault[] faults) =>
        _server.ScriptStep($"lesson_{step}", [.. faults.Select(fault => Replies[fault])]);

    public IReadOnlyList<ModelRequest> RequestsFor(string step) => Requests.Where(r => r.Step == step).ToArray();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>The lesson step without its <c>lesson_</c> prefix ("lesson_outline" → "outline"), or "unknown".</summary>
    private static string StepOf(ChatRequest request) =>
        request.Step.Length == 0 ? "unknown" : request.Step.Replace("lesson_", string.Empty, StringComparison.Ordinal);
}
