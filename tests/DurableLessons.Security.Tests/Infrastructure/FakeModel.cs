using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Security.Tests.Infrastructure;

/// <summary>One chat-completions request as the fake model saw it.</summary>
public sealed record ModelCall(string Step, string Authorization, string SystemPrompt, string UserPrompt);

/// <summary>
/// A chat-completions server on 127.0.0.1 (<c>/v1/chat/completions</c>) playing a model. By default it answers each
/// lesson step (recognised by its <c>response_format</c> schema name) with a small valid reply citing the first research
/// note; <see cref="Answer"/> replaces that with any behaviour, such as failing or obeying injected instructions.
/// </summary>
public sealed partial class FakeModel : IAsyncDisposable
{
    private readonly ConcurrentQueue<ModelCall> _calls = new();
    private LoopbackServer _server = null!;

    private FakeModel()
    {
    }

    /// <summary>The endpoint to configure as <c>Llm:Providers:N:Endpoint</c>.</summary>
    public string Endpoint => _server.BaseUrl + "/v1";

    public IReadOnlyList<ModelCall> Calls => [.. _calls];

    /// <summary>What to answer a call: a status code and, for 200, the message content. Defaults to <see cref="ValidReply"/>.</summary>
    public Func<ModelCall, (int Status, string Content)> Answer { get; set; } = call => (StatusCodes.Status200OK, ValidReply(call));

    public static async Task<FakeModel> StartAsync()
    {
        var model = new FakeModel();
        model._server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", model.HandleAsync));
        return model;
    }

    /// <summary>A reply of the right shape for the step, consistent with the outline this fake always proposes.</summary>
    public static string ValidReply(ModelCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var note = NoteNumber().Match(call.UserPrompt) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var outline = new JsonObject
        {
            ["title"] = "Regular verbs in the past",
            ["summary"] = "How regular verbs form the past tense. Why -ed is added.",
            ["objectives"] = new JsonArray("Form the past tense of a regular verb"),
            ["sections"] = new JsonArray(new JsonObject { ["heading"] = "Adding -ed", ["keyPoints"] = new JsonArray("Regular verbs add -ed") }),
        };
        var sections = new JsonArray(new JsonObject
        {
            ["heading"] = "Adding -ed",
            ["body"] = $"Regular verbs add -ed to form the past tense [{note}].",
            ["citationIds"] = new JsonArray(note),
        });
        var exercises = new JsonArray(new JsonObject { ["prompt"] = "Past tense of walk?", ["answer"] = "walked" });
        var quiz = new JsonArray(new JsonObject
        {
            ["question"] = "Past tense of play?",
            ["choices"] = new JsonArray("played", "plew"),
            ["answerIndex"] = 0,
            ["explanation"] = "Play is regular: it adds -ed.",
        });
        JsonObject reply = call.Step switch
        {
            "lesson_outline" => outline,
            "lesson_sections" => new JsonObject { ["sections"] = sections },
            "lesson_exercises" => new JsonObject { ["exercises"] = exercises },
            "lesson_quiz" => new JsonObject { ["questions"] = quiz },
            "lesson_review" => new JsonObject
            {
                ["draft"] = new JsonObject { ["outline"] = outline, ["sections"] = sections, ["exercises"] = exercises, ["quiz"] = quiz },
                ["changes"] = new JsonArray(),
            },
            _ => throw new InvalidOperationException($"The fake model does not know the step '{call.Step}'."),
        };
        return reply.ToJsonString();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var step = root.TryGetProperty("response_format", out var format) && format.TryGetProperty("json_schema", out var schema)
            ? schema.GetProperty("name").GetString() ?? ""
            : "";
        var messages = root.GetProperty("messages").EnumerateArray().ToList();
        string Message(string role) => string.Join('\n', messages
            .Where(m => m.GetProperty("role").GetString() == role)
            .Select(m => m.GetProperty("content") is { ValueKind: JsonValueKind.String } text ? text.GetString() : m.GetProperty("content").ToString()));
        var call = new ModelCall(step, context.Request.Headers.Authorization.ToString(), Message("system"), Message("user"));
        _calls.Enqueue(call);

        var (status, content) = Answer(call);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (status != StatusCodes.Status200OK)
        {
            await context.Response.WriteAsync("""{"error":{"message":"fake model error","type":"server_error"}}""", context.RequestAborted);
            return;
        }

        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = root.GetProperty("model").GetString(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 50, ["total_tokens"] = 150 },
        };
        await context.Response.WriteAsync(completion.ToJsonString(), context.RequestAborted);
    }

    [GeneratedRegex(@"^\[(\d+)\] \{", RegexOptions.Multiline)]
    private static partial Regex NoteNumber();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
