using System.Text.Json;
using System.Text.Json.Nodes;
using DurableLessons.Testing.Models;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Llm.Tests.Fakes;

/// <summary>One scripted answer of the fake chat-completions server.</summary>
public abstract record FakeReply
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A 200 chat completion whose message content is <paramref name="content"/>, with usage.</summary>
    public static FakeReply Completion(string content, int promptTokens = 100, int completionTokens = 50, string finishReason = "stop") =>
        new CompletionReply(content, promptTokens, completionTokens, finishReason);

    /// <summary>A 200 chat completion whose content is <paramref name="value"/> serialized as camelCase JSON.</summary>
    public static FakeReply Json(object value, int promptTokens = 100, int completionTokens = 50) =>
        Completion(JsonSerializer.Serialize(value, Web), promptTokens, completionTokens);

    public static FakeReply Error(int status, params (string Name, string Value)[] headers) => new ErrorReply(status, headers);

    /// <summary>
    /// Azure OpenAI's refusal of a prompt: 400 with error code <c>content_filter</c> and, under
    /// <c>innererror.content_filter_result</c>, every category with <c>filtered: true</c> for <paramref name="filtered"/>.
    /// </summary>
    public static FakeReply ContentFilter(params string[] filtered) => new ContentFilterReply(filtered);

    /// <summary>A 200 whose body is <paramref name="body"/> as is (a proxy's error page, a body cut off mid-way).</summary>
    public static FakeReply Raw(string body, string contentType = "application/json") => new RawReply(body, contentType);

    public static FakeReply After(TimeSpan delay, FakeReply then) => new DelayedReply(delay, then);

    internal abstract Task WriteAsync(HttpContext context, string model);

    private sealed record CompletionReply(string Content, int PromptTokens, int CompletionTokens, string FinishReason) : FakeReply
    {
        internal override Task WriteAsync(HttpContext context, string model)
        {
            var body = new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Content, ["refusal"] = null },
                    ["logprobs"] = null,
                    ["finish_reason"] = FinishReason,
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = PromptTokens,
                    ["completion_tokens"] = CompletionTokens,
                    ["total_tokens"] = PromptTokens + CompletionTokens,
                },
            };
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        }
    }

    private sealed record ErrorReply(int Status, (string Name, string Value)[] Headers) : FakeReply
    {
        internal override Task WriteAsync(HttpContext context, string model)
        {
            context.Response.StatusCode = Status;
            foreach (var (name, value) in Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            var error = new JsonObject { ["error"] = new JsonObject { ["message"] = $"scripted {Status}", ["type"] = "server_error", ["param"] = null, ["code"] = null } };
            return context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
        }
    }

    private sealed record ContentFilterReply(string[] Filtered) : FakeReply
    {
        internal override Task WriteAsync(HttpContext context, string model)
        {
            var error = AzureContentFilter.Refusal(Filtered);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
        }
    }

    private sealed record RawReply(string Body, string ContentType) : FakeReply
    {
        internal override Task WriteAsync(HttpContext context, string model)
        {
            context.Response.ContentType = ContentType;
            return context.Response.WriteAsync(Body, context.RequestAborted);
        }
    }

    private sealed record DelayedReply(TimeSpan Delay, FakeReply Then) : FakeReply
    {
        internal override async Task WriteAsync(HttpContext context, string model)
        {
            await Task.Delay(Delay, context.RequestAborted);
            await Then.WriteAsync(context, model);
        }
    }
}
