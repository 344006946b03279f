using System.Globalization;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Links;

/// <summary>
/// The answer of a status read, as Durable's status webhook gives it, for every route that serves one: 202 with
/// <c>Location</c> (this URL) and <c>Retry-After</c> while the instance can still change, 500 for a failed instance
/// when <c>returnInternalServerErrorOnFailure=true</c>, 200 otherwise; the body is the status object.
/// </summary>
public static class InstanceStatusResult
{
    public static IResult For(HttpRequest request, OrchestrationRuntimeStatus status, InstanceStatusPayload payload, bool failureIsServerError)
    {
        var statusCode = status switch
        {
            OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended
                => StatusCodes.Status202Accepted,
            OrchestrationRuntimeStatus.Failed when failureIsServerError => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status200OK,
        };
        if (statusCode == StatusCodes.Status202Accepted)
        {
            request.HttpContext.Response.Headers.Location = PublicBaseUrl.RequestUrl(request);
            request.HttpContext.Response.Headers.RetryAfter = CheckStatusResponse.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Json(payload, ManagementJson.Options, statusCode: statusCode);
    }
}
