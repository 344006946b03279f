using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Links;

/// <summary>
/// The links a starter's 202 hands out: the host's management links by default (Durable's behaviour), or, with
/// <see cref="ApiOptions.PublicStatusLinks"/>, only a signed read-only status link and no management link at all.
/// </summary>
public sealed class StarterLinks(IManagementLinkFactory links, IOptions<ApiOptions> api, IOptions<SecurityOptions> security)
{
    private readonly StatusLinkSigner? _signer = StatusLinkSigner.Create(api.Value, security.Value);

    public HttpManagementPayload Create(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (_signer is null)
        {
            return links.Create(request, instanceId);
        }

        var statusUrl = $"{PublicBaseUrl.From(request)}{request.PathBase.ToUriComponent()}{StatusLinkEndpoints.PathOf(instanceId)}"
            + $"?{StatusLinkSigner.QueryParameter}={Uri.EscapeDataString(_signer.Sign(instanceId))}";
        return new HttpManagementPayload(
            Id: instanceId,
            StatusQueryGetUri: statusUrl,
            SendEventPostUri: null,
            TerminatePostUri: null,
            SuspendPostUri: null,
            ResumePostUri: null,
            RewindPostUri: null,
            RestartPostUri: null,
            PurgeHistoryDeleteUri: null);
    }
}
