using DurableLessons.Http.Links;
using DurableLessons.Http.Problems;
using DurableLessons.Http.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>DELETE <c>/instances/{id}</c> and DELETE <c>/instances</c>: purge history, terminal instances only.</summary>
internal static class PurgeEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapDelete("instances/{instanceId}", PurgeOneAsync);
        group.MapDelete("instances", PurgeManyAsync);
    }

    private static async Task<IResult> PurgeOneAsync(
        string instanceId,
        [FromServices] DurableTaskClient client,
        [FromServices] ILogger<WebhookEndpointsLog> logger,
        CancellationToken cancellationToken)
    {
        WebhookRouteValues.InstanceId(instanceId);
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (metadata is null)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        // As Durable: purging is for finished instances; a live one answers 412 rather than losing its history.
        if (!metadata.RuntimeStatus.IsTerminal())
        {
            return ProblemResponses.PreconditionFailed(
                $"Only instances in a terminal state can be purged, but '{instanceId}' is {metadata.RuntimeStatus}.");
        }

        PurgeResult result;
        try
        {
            result = await client.PurgeInstanceAsync(instanceId, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return ProblemResponses.PreconditionFailed($"Only instances in a terminal state can be purged, and '{instanceId}' is running again.");
        }
        catch (ArgumentException)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        if (result.PurgedInstanceCount == 0)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        logger.LogInformation("Purged instance {InstanceId}", instanceId);
        return TypedResults.Json(new PurgeHistoryPayload(result.PurgedInstanceCount), ManagementJson.Options);
    }

    private static async Task<IResult> PurgeManyAsync(
        HttpRequest request,
        [FromServices] DurableTaskClient client,
        [FromServices] TimeProvider clock,
        [FromServices] ILogger<WebhookEndpointsLog> logger,
        CancellationToken cancellationToken)
    {
        var query = new WebhookQuery(request);
        var createdFrom = query.DateTime("createdTimeFrom")
            ?? throw new InvalidWebhookParameterException("createdTimeFrom", "is required to purge instances by filter.");
        var createdTo = query.DateTime("createdTimeTo") ?? clock.GetUtcNow();
        var statuses = query.RuntimeStatuses("runtimeStatus");

        var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(createdFrom, createdTo, statuses), cancellationToken);
        if (result.PurgedInstanceCount == 0)
        {
            return ProblemResponses.NotFound("No finished instances match the filter; nothing was purged.");
        }

        logger.LogInformation("Purged {Count} instances created from {CreatedFrom} to {CreatedTo}", result.PurgedInstanceCount, createdFrom, createdTo);
        return TypedResults.Json(new PurgeHistoryPayload(result.PurgedInstanceCount), ManagementJson.Options);
    }
}
