using System.Text.Json;

namespace DurableLessons.Testing.Models;

/// <summary>One chat-completions request as a <see cref="ScriptedChatServer"/> received it, and how it was answered.</summary>
/// <param name="ReceivedTimestamp">When it arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</param>
public sealed record ChatRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonElement Body, long ReceivedTimestamp)
{
    /// <summary>When it arrived, by the wall clock.</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The reply the server chose for it (null while it is still being chosen).</summary>
    public ChatReply? Reply { get; init; }

    /// <summary>The lesson or tutor step: the <c>response_format</c> schema name (<c>lesson_outline</c>…), or "" when there is none.</summary>
    public string Step =>
        Body.TryGetProperty("response_format", out var format)
        && format.TryGetProperty("json_schema", out var schema)
        && schema.TryGetProperty("name", out var name)
            ? name.GetString() ?? string.Empty
            : string.Empty;

    public string Model => Body.TryGetProperty("model", out var model) ? model.GetString() ?? string.Empty : string.Empty;

    public string Authorization => Header("Authorization");

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>The text of the messages with <paramref name="role"/> (text parts joined), one message a line.</summary>
    public string Message(string role) => string.Join('\n', Body.GetProperty("messages").EnumerateArray()
        .Where(message => message.GetProperty("role").GetString() == role)
        .Select(message => message.GetProperty("content") switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray().Select(part => part.TryGetProperty("text", out var text) ? text.GetString() : null)),
            var other => other.ToString(),
        }));
}
