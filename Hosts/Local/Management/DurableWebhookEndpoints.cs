using DurableLessons.Http.Links;
using DurableLessons.Http.Problems;
using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DurableLessons.Hosts.Local.Management;

public static class DurableWebhookEndpoints
{
    /// <summary>
    /// Maps the Durable Functions management API under <c>/runtime/webhooks/durabletask</c> (see
    /// docs/durable-http-api.md): start, status, list, raiseEvent, terminate, suspend, resume, rewind, restart and
    /// purge. Every route, unknown ones included, checks the system key when one is configured.
    /// Requires <see cref="WebhookServiceCollectionExtensions.AddDurableWebhooks"/>.
    /// </summary>
    public static RouteGroupBuilder MapDurableWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(WebhookPaths.Base);
        group.AddEndpointFilter<SystemKeyEndpointFilter>();
        group.AddEndpointFilter<WebhookProblemFilter>();

        StartOrchestrationEndpoint.Map(group);
        InstanceQueryEndpoints.Map(group);
        InstanceControlEndpoints.Map(group);
        PurgeEndpoints.Map(group);

        // Durable answers 404 to any other path or method under its base; so do we, as a problem.
        group.Map("{**path}", (HttpRequest request) =>
            ProblemResponses.NotFound($"There is no management route {request.Method} {request.Path}."));
        return group;
    }
}
