using DurableLessons.Http.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>
/// <c>GET /api/runs/{instanceId}/events</c>, streamed through the ASP.NET Core integration. Durable Functions has no
/// change feed, so the stream polls the run (<see cref="PollingRunChangeSignal"/>, "RunEvents:PollIntervalSeconds").
/// </summary>
public sealed class RunEventHttpFunctions(RunEventsHandler handler)
{
    [Function(nameof(StreamRunEvents))]
    public async Task<IActionResult> StreamRunEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RunEventEndpoints.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId) =>
        new HttpResultAction(await handler.OpenAsync(request, client, instanceId));
}
