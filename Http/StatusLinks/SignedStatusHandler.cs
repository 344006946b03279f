using System.Globalization;
using DurableLessons.Http.Links;
using DurableLessons.Http.Management;
using DurableLessons.Http.Problems;
using DurableLessons.Http.Security;
using DurableLessons.Shared.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.StatusLinks;

/// <summary>
/// <c>GET /api/runs/{id}/status?sig=…</c>: the status of one run for whoever holds its signed link, with the webhook
/// status route's contract: 202 (with <c>Location</c> and <c>Retry-After</c>) while it runs, 200 when it has ended,
/// 500 for a failure when <c>returnInternalServerErrorOnFailure=true</c>, and the same status object. History is not
/// served here; the management webhooks (system key) have it.
/// </summary>
public sealed class SignedStatusHandler(
    IWorkflowClient client,
    IOptions<ApiOptions> api,
    IOptions<SecurityOptions> security,
    ILogger<SignedStatusHandler> logger)
{
    private readonly StatusLinkSigner? _signer = StatusLinkSigner.Create(api.Value, security.Value);

    public async Task<IResult> GetAsync(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_signer is null)
        {
            return ProblemResponses.NotFound($"Public status links are off ({ApiOptions.PublicStatusLinksSetting} is false).");
        }

        if (!_signer.Verify(instanceId, request.Query[StatusLinkSigner.QueryParameter]))
        {
            logger.LogWarning("Rejected a status link for run {InstanceId} from {RemoteAddress}: missing or wrong signature",
                instanceId, request.HttpContext.Connection.RemoteIpAddress);
            return ProblemResponses.Unauthorized(
                $"This route needs the signed link a start answered with (its '{StatusLinkSigner.QueryParameter}' parameter signs exactly one run).");
        }

        if (request.Query.ContainsKey("showHistory"))
        {
            return ProblemResponses.InvalidParameter("showHistory", "is not available through a public status link.");
        }

        if (Flag(request, "showInput", defaultValue: true) is not { } showInput)
        {
            return ProblemResponses.InvalidParameter("showInput", "must be true or false.");
        }

        if (Flag(request, "returnInternalServerErrorOnFailure", defaultValue: false) is not { } failureIsServerError)
        {
            return ProblemResponses.InvalidParameter("returnInternalServerErrorOnFailure", "must be true or false.");
        }

        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        if (metadata is null)
        {
            return ProblemResponses.NotFound($"No instance with ID '{instanceId}' was found.");
        }

        var statusCode = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.ContinuedAsNew
                or OrchestrationRuntimeStatus.Suspended => StatusCodes.Status202Accepted,
            OrchestrationRuntimeStatus.Failed when failureIsServerError => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status200OK,
        };
        if (statusCode == StatusCodes.Status202Accepted)
        {
            request.HttpContext.Response.Headers.Location = PublicBaseUrl.RequestUrl(request);
            request.HttpContext.Response.Headers.RetryAfter = CheckStatusResponse.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Json(InstanceStatusPayload.From(metadata, showInput), ManagementJson.Options, statusCode: statusCode);
    }

    private static bool? Flag(HttpRequest request, string name, bool defaultValue)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return defaultValue;
        }

        return values.Count == 1 && bool.TryParse(values[0], out var value) ? value : null;
    }
}
