using System.Text.Json;
using System.Text.Json.Nodes;
using DurableLessons.Http.Links;
using DurableLessons.Http.Practice;
using DurableLessons.Http.Requests;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Streaming;

/// <summary>
/// <c>GET /api/runs/{id}/events</c>: a Server-Sent Events stream of one run. Sends <c>event: status</c>
/// (<c>{runtimeStatus, customStatus, lastUpdatedTime}</c>) whenever the status or custom status changes, then
/// <c>event: done</c> with the final state (output included) and ends. Idle streams get a comment line every
/// <see cref="RunEventsOptions.HeartbeatSeconds"/>; a client that disconnects ends the stream.
/// </summary>
public sealed class RunEventsHandler(
    IRunChangeSignal changes,
    IOptions<RunEventsOptions> options,
    PracticeRunAccess practice,
    ILogger<RunEventsHandler> logger)
{
    public const string StatusEvent = "status";
    public const string DoneEvent = "done";

    /// <summary>
    /// 404 problem+json for an unknown run (or, with sign-in on, another learner's practice session), else the stream
    /// (written when the result executes).
    /// </summary>
    public async Task<IResult> OpenAsync(HttpRequest request, DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = request.HttpContext.RequestAborted;
        if (practice.Deny(request, instanceId) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(instanceId) || await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
        {
            return RequestProblems.NotFound("No such run.", $"There is no run with id '{instanceId}'.");
        }

        return new StreamResult(this, client, instanceId);
    }

    private async Task StreamAsync(HttpContext context, DurableTaskClient client, string instanceId)
    {
        var cancellationToken = context.RequestAborted;
        var writer = new ServerSentEventWriter(context.Response);
        var heartbeat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        try
        {
            await writer.StartAsync(cancellationToken);
            long seen = 0;
            (string Status, string? CustomStatus)? sent = null;
            while (true)
            {
                seen = await WaitWithHeartbeatsAsync(writer, instanceId, seen, heartbeat, cancellationToken);
                var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
                if (state is null)
                {
                    logger.LogInformation("Run {InstanceId} was purged while its events were streamed", instanceId);
                    return;
                }

                var payload = JsonSerializer.SerializeToNode(InstanceStatusPayload.From(state, showInput: false), ManagementJson.Options)!.AsObject();
                var current = (state.RuntimeStatus.ToString(), state.SerializedCustomStatus);
                if (sent != current)
                {
                    await writer.WriteEventAsync(StatusEvent, StatusOf(payload), cancellationToken);
                    sent = current;
                }

                if (state.IsCompleted)
                {
                    payload.Remove("input");
                    await writer.WriteEventAsync(DoneEvent, payload, cancellationToken);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Client stopped listening to the events of run {InstanceId}", instanceId);
        }
    }

    private async Task<long> WaitWithHeartbeatsAsync(ServerSentEventWriter writer, string instanceId, long seen, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var change = changes.WaitForChangeAsync(instanceId, seen, stopWaiting.Token);
        try
        {
            while (true)
            {
                using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var timer = Task.Delay(heartbeat, stopTimer.Token);
                var first = await Task.WhenAny(change, timer);
                if (first == change)
                {
                    await stopTimer.CancelAsync();
                    return await change;
                }

                await timer;
                await writer.WriteHeartbeatAsync(cancellationToken);
            }
        }
        finally
        {
            await stopWaiting.CancelAsync();
        }
    }

    private static JsonObject StatusOf(JsonObject payload) => new()
    {
        ["runtimeStatus"] = payload["runtimeStatus"]?.DeepClone(),
        ["customStatus"] = payload["customStatus"]?.DeepClone(),
        ["lastUpdatedTime"] = payload["lastUpdatedTime"]?.DeepClone(),
    };

    private sealed class StreamResult(RunEventsHandler stream, DurableTaskClient client, string instanceId) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            return stream.StreamAsync(httpContext, client, instanceId);
        }
    }
}
