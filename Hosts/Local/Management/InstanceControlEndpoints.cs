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

/// <summary>
/// POST <c>/instances/{id}/…</c>: raiseEvent, terminate, suspend, resume, rewind, restart. Like Durable's
/// HttpApiHandler each route looks the instance up first (404, 410, 400), then asks the engine, whose
/// not-found/state exceptions cover an instance that changed in between.
/// </summary>
internal static class InstanceControlEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("instances/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync);
        group.MapPost("instances/{instanceId}/terminate", TerminateAsync);
        group.MapPost("instances/{instanceId}/suspend", SuspendAsync);
        group.MapPost("instances/{instanceId}/resume", ResumeAsync);
        group.MapPost("instances/{instanceId}/rewind", RewindAsync);
        group.MapPost("instances/{instanceId}/restart", RestartAsync);
    }

    private static async Task<IResult> RaiseEventAsync(
        string instanceId,
        string eventName,
        HttpRequest request,
        [FromServices] DurableTaskClient client,
        [FromServices] JsonRequestBodyReader bodyReader,
        CancellationToken cancellationToken)
    {
        WebhookRouteValues.InstanceId(instanceId);
        WebhookRouteValues.Name(eventName, nameof(eventName));
        const string operation = "raise an event on";
        if (await FindLiveInstanceAsync(client, instanceId, operation, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (!JsonRequestBodyReader.HasJsonContentType(request))
        {
            return ProblemResponses.InvalidParameter(JsonRequestBodyReader.Parameter, "must be JSON sent with Content-Type: application/json.");
        }

        var payload = await bodyReader.ReadAsync(request, cancellationToken);
        return await RunAsync(client, () => client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken), instanceId, operation, cancellationToken);
    }

    private static async Task<IResult> TerminateAsync(
        string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        WebhookRouteValues.InstanceId(instanceId);
        var reason = new WebhookQuery(request).Value("reason");
        const string operation = "terminate";
        return await FindLiveInstanceAsync(client, instanceId, operation, cancellationToken)
            ?? await RunAsync(client, () => client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(Output: reason), cancellationToken), instanceId, operation, cancellationToken);
    }

    private static async Task<IResult> SuspendAsync(
        string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        WebhookRouteValues.InstanceId(instanceId);
        var reason = new WebhookQuery(request).Value("reason");
        const string operation = "suspend";
        return await FindLiveInstanceAsync(client, instanceId, operation, cancellationToken)
            ?? await RunAsync(client, () => client.SuspendInstanceAsync(instanceId, reason, cancellationToken), instanceId, operation, cancellationToken);
    }

    private static async Task<IResult> ResumeAsync(
        string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        WebhookRouteValues.InstanceId(instanceId);
        var reason = new WebhookQuery(request).Value("reason");
        const string operation = "resume";
        return await FindLiveInstanceAsync(client, instanceId, operation, cancellationToken)
            ?? await RunAsync(client, () => client.ResumeInstanceAsync(instanceId, reason, cancellationToken), instanceId, operation, cancellationToken);
    }

    private static async Task<IResult> RewindAsync(
        string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        WebhookRouteValues.InstanceId(instanceId);
        var reason = new WebhookQuery(request).Value("reason");
        const string operation = "rewind";
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (metadata is null)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        if (RewindRefusal(metadata.InstanceId, metadata.RuntimeStatus) is { } refusal)
        {
            return refusal;
        }

        try
        {
            await client.RewindInstanceAsync(instanceId, reason ?? string.Empty, cancellationToken);
            return TypedResults.StatusCode(StatusCodes.Status202Accepted);
        }
        catch (InvalidOperationException)
        {
            // Rewound by someone else, or no longer Failed: answered from its status now.
            var current = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            return current is null
                ? InstanceProblems.NotFound(instanceId)
                : RewindRefusal(instanceId, current.RuntimeStatus) ?? await InstanceProblems.StateRefusedAsync(client, instanceId, operation, cancellationToken);
        }
        catch (ArgumentException)
        {
            return InstanceProblems.NotFound(instanceId);
        }
    }

    private static async Task<IResult> RestartAsync(
        string instanceId,
        HttpRequest request,
        [FromServices] DurableTaskClient client,
        [FromServices] IManagementLinkFactory links,
        [FromServices] ILogger<WebhookEndpointsLog> logger,
        CancellationToken cancellationToken)
    {
        WebhookRouteValues.InstanceId(instanceId);
        var withNewInstanceId = new WebhookQuery(request).Bool("restartWithNewInstanceId", defaultValue: true);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        string restartedId;
        try
        {
            restartedId = await client.RestartAsync(instanceId, withNewInstanceId, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The SDK's (and the Framework's OrchestrationAlreadyExistsException) answer to a restart under the id of a live instance.
            return await InstanceProblems.StateRefusedAsync(client, instanceId, "restart with the same id", cancellationToken);
        }
        catch (ArgumentException)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        logger.LogInformation("Restarted instance {InstanceId} as {RestartedInstanceId}", instanceId, restartedId);
        return CheckStatusResponse.Accepted(links.Create(request, restartedId));
    }

    /// <summary>404 when unknown, 410 when Completed, Failed or Terminated; null when the instance can still change.</summary>
    private static async Task<IResult?> FindLiveInstanceAsync(
        DurableTaskClient client, string instanceId, string operation, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (metadata is null)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        return metadata.RuntimeStatus.IsTerminal()
            ? InstanceProblems.Gone(instanceId, metadata.RuntimeStatus, operation)
            : null;
    }

    // Only Failed instances rewind: Completed and Terminated ones are gone (410), live ones are a bad request (400).
    private static IResult? RewindRefusal(string instanceId, OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Failed => null,
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated =>
            InstanceProblems.Gone(instanceId, status, "rewind"),
        _ => ProblemResponses.InvalidParameter("instanceId", $"instance '{instanceId}' is {status}; only Failed instances can be rewound."),
    };

    private static async Task<IResult> RunAsync(
        DurableTaskClient client, Func<Task> operation, string instanceId, string operationName, CancellationToken cancellationToken)
    {
        try
        {
            await operation();
            return TypedResults.StatusCode(StatusCodes.Status202Accepted);
        }
        catch (InvalidOperationException)
        {
            return await InstanceProblems.StateRefusedAsync(client, instanceId, operationName, cancellationToken);
        }
        catch (ArgumentException)
        {
            return InstanceProblems.NotFound(instanceId);
        }
    }
}
