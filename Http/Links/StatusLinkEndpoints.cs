using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Links;

/// <summary>The signed status route; the Functions host binds the same handler and route.</summary>
public static class StatusLinkEndpoints
{
    /// <summary>Relative to <c>/api</c>, as Functions routes are.</summary>
    public const string Route = "runs/{instanceId}/status";

    public static string PathOf(string instanceId) => $"/api/runs/{Uri.EscapeDataString(instanceId)}/status";

    public static IEndpointRouteBuilder MapStatusLinkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api").WithTags("Runs")
            .MapGet(Route, (HttpRequest request, string instanceId, DurableTaskClient client, SignedStatusHandler handler) =>
                handler.GetAsync(request, client, instanceId))
            .WithName("GetRunStatusBySignedLink")
            .WithSummary("The status of one run, for the holder of the signed link a start answered with (Api:PublicStatusLinks).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }
}
