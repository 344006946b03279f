using DurableLessons.Http.Problems;
using DurableLessons.Http.Security;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Links;

/// <summary>
/// <c>GET /api/runs/{id}/status?sig=…</c>: the status of one run for whoever holds its signed link, with the webhook
/// status route's contract: 202 (with <c>Location</c> and <c>Retry-After</c>) while it runs, 200 when it has ended,
/// 500 for a failure when <c>returnInternalServerErrorOnFailure=true</c>, and the same status object. History is not
/// served here; the management webhooks (system key) have it.
/// </summary>
public sealed class SignedStatusHandler(
    IOptions<ApiOptions> api,
    IOptions<SecurityOptions> security,
    ILogger<SignedStatusHandler> logger)
{
    private readonly StatusLinkSigner? _signer = StatusLinkSigner.Create(api.Value, security.Value);

    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
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

        bool showInput;
        bool failureIsServerError;
        try
        {
            var query = new WebhookQuery(request);
            showInput = query.Bool("showInput", defaultValue: true);
            failureIsServerError = query.Bool("returnInternalServerErrorOnFailure", defaultValue: false);
        }
        catch (InvalidWebhookParameterException e)
        {
            return ProblemResponses.InvalidParameter(e.Parameter, e.Reason);
        }

        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        return metadata is null
            ? InstanceProblems.NotFound(instanceId)
            : InstanceStatusResult.For(request, metadata.RuntimeStatus, InstanceStatusPayload.From(metadata, showInput), failureIsServerError);
    }
}
