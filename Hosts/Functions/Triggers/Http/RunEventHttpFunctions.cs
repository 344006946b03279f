using DurableLessons.Hosts.Functions.Adapters;
using DurableLessons.Http.Streaming;
using DurableLessons.Shared.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>
/// <c>GET /api/runs/{instanceId}/events</c>, streamed through the ASP.NET Core integration. Durable Functions has no
/// change feed, so the stream polls the run (<see cref="PollingRunChangeSignal"/>); settings come from "RunEvents".
/// </summary>
public sealed class RunEventHttpFunctions(
    IWorkflowClient workflowClient,
    DurableClientAccessor clients,
    IOptions<RunEventsOptions> options,
    ILogger<RunEventsHandler> logger)
{
    private readonly RunEventsHandler _handler = new(
        workflowClient,
        new PollingRunChangeSignal(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds), TimeProvider.System),
        options,
        logger);

    [Function(nameof(StreamRunEvents))]
    public async Task<IActionResult> StreamRunEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RunEventEndpoints.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (clients.Bind(client))
        {
            // The stream reads the run while it is written, so it runs here, inside the client binding.
            var result = await _handler.OpenAsync(instanceId, request.HttpContext.RequestAborted);
            await result.ExecuteAsync(request.HttpContext);
            return new EmptyResult();
        }
    }
}
