using System.Text.Json.Nodes;

namespace DurableLessons.Spa.Tests;

/// <summary>One frame of a text/event-stream: a named event with JSON data, or a comment (heartbeat).</summary>
public sealed record ServerSentEvent(string? Name, JsonObject? Data, string? Comment)
{
    /// <summary>Reads frames until the server ends the stream or <paramref name="stop"/> returns true for a frame.</summary>
    public static async Task<List<ServerSentEvent>> ReadAsync(Stream stream, Func<ServerSentEvent, bool>? stop = null)
    {
        var frames = new List<ServerSentEvent>();
        using var reader = new StreamReader(stream);
        string? name = null;
        string? data = null;
        string? comment = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                var frame = new ServerSentEvent(name, data is null ? null : JsonNode.Parse(data)!.AsObject(), comment);
                frames.Add(frame);
                if (stop?.Invoke(frame) == true)
                {
                    return frames;
                }

                (name, data, comment) = (null, null, null);
            }
            else if (line.StartsWith(':'))
            {
                comment = line[1..].Trim();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data = (data is null ? string.Empty : data + "\n") + line["data:".Length..].Trim();
            }
        }

        return frames;
    }
}
