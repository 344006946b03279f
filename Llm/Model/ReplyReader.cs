using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DurableLessons.Shared.Authoring;

namespace DurableLessons.Llm.Model;

/// <summary>Turns a reply's text into a contract record, or explains why it cannot.</summary>
internal static class ReplyReader
{
    public static T Read<T>(string? content, JsonTypeInfo<T> typeInfo)
    {
        var json = Unfence(content ?? string.Empty);
        if (json.Length == 0)
        {
            throw new InvalidModelOutputException("the reply is empty");
        }

        if (json[0] != '{')
        {
            throw new InvalidModelOutputException("the reply is not a JSON object");
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException exception)
        {
            throw new InvalidModelOutputException($"the reply does not match the schema: {FirstLine(exception.Message)}", exception);
        }

        return value ?? throw new InvalidModelOutputException("the reply is JSON null");
    }

    /// <summary>Some OpenAI-compatible servers wrap JSON in a Markdown code fence even when asked for a schema.</summary>
    private static string Unfence(string content)
    {
        var text = content.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? text : text[(firstLineEnd + 1)..^3].Trim();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
