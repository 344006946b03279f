using System.Text;
using System.Text.Json.Nodes;
using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DurableLessons.Http.Streaming;

/// <summary>Writes the text/event-stream framing: named events with one-line JSON data, and comment heartbeats.</summary>
internal sealed class ServerSentEventWriter(HttpResponse response)
{
    public const string ContentType = "text/event-stream";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache, no-store";
        // Reverse proxies (nginx) buffer responses unless told not to; events must arrive as they happen.
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
    }

    public Task WriteEventAsync(string eventName, JsonObject data, CancellationToken cancellationToken) =>
        WriteAsync($"event: {eventName}\ndata: {data.ToJsonString(ManagementJson.Options)}\n\n", cancellationToken);

    public Task WriteHeartbeatAsync(CancellationToken cancellationToken) => WriteAsync(": heartbeat\n\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
