using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Testing.Models;

/// <summary>How a <see cref="ScriptedChatServer"/> answers one request: a completion, an error, or a fault.</summary>
public abstract record ChatReply
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A 200 chat completion whose message content is <paramref name="content"/>, with usage.</summary>
    public static ChatReply Completion(string content, int promptTokens = 100, int completionTokens = 50, string finishReason = "stop") =>
        new CompletionReply(content, promptTokens, completionTokens, finishReason);

    /// <summary>A 200 chat completion whose content is <paramref name="value"/> serialized as camelCase JSON.</summary>
    public static ChatReply Json(object value, int promptTokens = 100, int completionTokens = 50) =>
        Completion(JsonSerializer.Serialize(value, Web), promptTokens, completionTokens);

    /// <summary>An OpenAI-style error: <paramref name="status"/>, the error <paramref name="code"/> (also its type), and headers.</summary>
    public static ChatReply Error(int status, string? code = null, params (string Name, string Value)[] headers) => new ErrorReply(status, code, headers);

    /// <summary>An OpenAI-style error with headers (such as <c>Retry-After</c>) and no error code.</summary>
    public static ChatReply Error(int status, params (string Name, string Value)[] headers) => new ErrorReply(status, null, headers);

    /// <summary>
    /// Azure OpenAI's refusal of a prompt: 400 with error code <c>content_filter</c> and, under
    /// <c>innererror.content_filter_result</c>, every category with <c>filtered: true</c> for <paramref name="filtered"/>.
    /// </summary>
    public static ChatReply ContentFilter(params string[] filtered) => new ContentFilterReply(filtered);

    /// <summary>A 200 whose body is <paramref name="body"/> as is (a proxy's error page, a body cut off mid-way).</summary>
    public static ChatReply Raw(string body, string contentType = "application/json") => new RawReply(body, contentType);

    /// <summary>A 200 chat completion for <paramref name="content"/>, cut off half-way through its JSON.</summary>
    public static ChatReply Truncated(string content, int promptTokens = 100, int completionTokens = 50) =>
        new TruncatedReply(content, promptTokens, completionTokens);

    /// <summary><paramref name="then"/>, after <paramref name="delay"/> (latency).</summary>
    public static ChatReply After(TimeSpan delay, ChatReply then) => new DelayedReply(delay, then);

    /// <summary><paramref name="then"/>, once the test opens <paramref name="gate"/>.</summary>
    public static ChatReply HeldBy(ChatGate gate, ChatReply then) => new GatedReply(gate, then);

    /// <summary>The reply <paramref name="choose"/> makes for the request (a valid reply built from the prompt it carries).</summary>
    public static ChatReply For(Func<ChatRequest, ChatReply> choose) => new ComputedReply(choose);

    /// <summary>Never answers, until the client gives up or the server stops.</summary>
    public static ChatReply Hang { get; } = new HangReply();

    /// <summary>Closes the connection without an answer.</summary>
    public static ChatReply DropConnection { get; } = new DroppedReply();

    internal abstract Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken);

    private static Task WriteJsonAsync(HttpContext context, int status, string json, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, cancellationToken);
    }

    private static string CompletionJson(string model, string content, int promptTokens, int completionTokens, string finishReason) => new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = promptTokens,
            ["completion_tokens"] = completionTokens,
            ["total_tokens"] = promptTokens + completionTokens,
        },
    }.ToJsonString();

    private sealed record CompletionReply(string Content, int PromptTokens, int CompletionTokens, string FinishReason) : ChatReply
    {
        internal override Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken) =>
            WriteJsonAsync(context, StatusCodes.Status200OK, CompletionJson(request.Model, Content, PromptTokens, CompletionTokens, FinishReason), cancellationToken);
    }

    private sealed record TruncatedReply(string Content, int PromptTokens, int CompletionTokens) : ChatReply
    {
        internal override Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken)
        {
            var whole = CompletionJson(request.Model, Content, PromptTokens, CompletionTokens, "stop");
            return WriteJsonAsync(context, StatusCodes.Status200OK, whole[..(whole.Length / 2)], cancellationToken);
        }
    }

    private sealed record ErrorReply(int Status, string? Code, (string Name, string Value)[] Headers) : ChatReply
    {
        internal override Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken)
        {
            foreach (var (name, value) in Headers)
            {
                context.Response.Headers[name] = value;
            }

            var error = new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = $"scripted {Status}", ["type"] = Code ?? "server_error", ["param"] = null, ["code"] = Code },
            };
            return WriteJsonAsync(context, Status, error.ToJsonString(), cancellationToken);
        }
    }

    private sealed record ContentFilterReply(string[] Filtered) : ChatReply
    {
        internal override Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken) =>
            WriteJsonAsync(context, StatusCodes.Status400BadRequest, AzureContentFilter.Refusal(Filtered).ToJsonString(), cancellationToken);
    }

    private sealed record RawReply(string Body, string ContentType) : ChatReply
    {
        internal override Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken)
        {
            context.Response.ContentType = ContentType;
            return context.Response.WriteAsync(Body, cancellationToken);
        }
    }

    private sealed record DelayedReply(TimeSpan Delay, ChatReply Then) : ChatReply
    {
        internal override async Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken)
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            await Then.WriteAsync(context, request, cancellationToken);
        }
    }

    private sealed record GatedReply(ChatGate Gate, ChatReply Then) : ChatReply
    {
        internal override async Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken)
        {
            await Gate.PassAsync(cancellationToken);
            await Then.WriteAsync(context, request, cancellationToken);
        }
    }

    private sealed record ComputedReply(Func<ChatRequest, ChatReply> Choose) : ChatReply
    {
        internal override Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken) =>
            Choose(request).WriteAsync(context, request, cancellationToken);
    }

    private sealed record HangReply : ChatReply
    {
        internal override Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken) =>
            Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }

    private sealed record DroppedReply : ChatReply
    {
        internal override Task WriteAsync(HttpContext context, ChatRequest request, CancellationToken cancellationToken)
        {
            context.Abort();
            return Task.CompletedTask;
        }
    }
}
