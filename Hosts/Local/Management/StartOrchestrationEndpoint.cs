using DurableLessons.Http.Links;
using DurableLessons.Http.Problems;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>POST <c>/orchestrators/{functionName}/{instanceId?}</c>: starts an orchestration by name, body = input.</summary>
internal static class StartOrchestrationEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("orchestrators/{functionName}/{instanceId?}", StartAsync);

    private static async Task<IResult> StartAsync(
        string functionName,
        string? instanceId,
        HttpRequest request,
        [FromServices] DurableTaskClient client,
        [FromServices] JsonRequestBodyReader bodyReader,
        [FromServices] IManagementLinkFactory links,
        [FromServices] ILogger<WebhookEndpointsLog> logger,
        CancellationToken cancellationToken)
    {
        WebhookRouteValues.Name(functionName, nameof(functionName));
        if (instanceId is not null)
        {
            WebhookRouteValues.InstanceId(instanceId);
        }

        var input = await bodyReader.ReadAsync(request, cancellationToken);
        string id;
        try
        {
            id = await client.ScheduleNewOrchestrationInstanceAsync(
                functionName, input, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException e)
        {
            return ProblemResponses.Conflict(e.Message);
        }
        catch (ArgumentException e)
        {
            var parameter = e.ParamName?.Contains("instance", StringComparison.OrdinalIgnoreCase) == true ? nameof(instanceId) : nameof(functionName);
            return ProblemResponses.InvalidParameter(parameter, e.Message);
        }

        logger.LogInformation("Started orchestration {OrchestrationName} as instance {InstanceId}", functionName, id);
        return CheckStatusResponse.Accepted(links.Create(request, id));
    }
}
