using DurableLessons.Hosts.Functions.Adapters;
using DurableLessons.Http.Security;
using DurableLessons.Http.StatusLinks;
using DurableLessons.Shared.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>
/// <c>GET /api/runs/{instanceId}/status?sig=…</c>, the signed read-only status link starters hand out when
/// <c>Api:PublicStatusLinks</c> is true; the same handler and route as the embedded host's. Anonymous at the Functions
/// level: the signature is the credential, and it opens this one run's status only.
/// </summary>
public sealed class RunStatusHttpFunctions(
    IWorkflowClient workflowClient,
    DurableClientAccessor clients,
    IOptions<ApiOptions> api,
    IOptions<SecurityOptions> security,
    ILogger<SignedStatusHandler> logger)
{
    private readonly SignedStatusHandler _handler = new(workflowClient, api, security, logger);

    [Function(nameof(GetRunStatusBySignedLink))]
    public async Task<IActionResult> GetRunStatusBySignedLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StatusLinkEndpoints.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (clients.Bind(client))
        {
            return new HttpResultAction(await _handler.GetAsync(request, instanceId));
        }
    }
}
