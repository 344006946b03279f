using DurableLessons.Hosts.Functions.Links;
using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>
/// <c>GET /api/runs/{instanceId}/status?sig=…</c>, the signed read-only status link starters hand out when
/// <c>Api:PublicStatusLinks</c> is true; the same handler and route as the embedded host's. Anonymous at the Functions
/// level: the signature is the credential, and it opens this one run's status only.
/// </summary>
public sealed class RunStatusHttpFunctions(SignedStatusHandler handler)
{
    [Function(nameof(GetRunStatusBySignedLink))]
    public async Task<IActionResult> GetRunStatusBySignedLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StatusLinkEndpoints.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId) =>
        new HttpResultAction(await handler.GetAsync(request.WithDurableClient(client), client, instanceId));
}
