using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Links;

/// <summary>
/// The embedded host's links, shaped like the Durable extension's: <c>{base}/runtime/webhooks/durabletask/instances/{id}</c>
/// plus the operation, <c>?reason={text}</c> placeholders, and the system key as <c>code</c> when one is configured.
/// </summary>
public sealed class RequestManagementLinkFactory(IOptions<SecurityOptions> security) : IManagementLinkFactory
{
    private readonly string? _codeQuery = security.Value.HasSystemKey
        ? $"{SystemKeyVerifier.QueryParameter}={Uri.EscapeDataString(security.Value.SystemKey!)}"
        : null;

    public HttpManagementPayload Create(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);

        var instanceUrl = $"{PublicBaseUrl.From(request)}{WebhookPaths.Base}/instances/{Uri.EscapeDataString(instanceId)}";
        return new HttpManagementPayload(
            Id: instanceId,
            StatusQueryGetUri: Url(instanceUrl),
            SendEventPostUri: Url($"{instanceUrl}/raiseEvent/{{eventName}}"),
            TerminatePostUri: Url($"{instanceUrl}/terminate", "reason={text}"),
            SuspendPostUri: Url($"{instanceUrl}/suspend", "reason={text}"),
            ResumePostUri: Url($"{instanceUrl}/resume", "reason={text}"),
            RewindPostUri: Url($"{instanceUrl}/rewind", "reason={text}"),
            RestartPostUri: Url($"{instanceUrl}/restart"),
            PurgeHistoryDeleteUri: Url(instanceUrl));
    }

    private string Url(string path, string? query = null)
    {
        var parts = new[] { query, _codeQuery }.Where(part => part is not null);
        var joined = string.Join('&', parts);
        return joined.Length == 0 ? path : $"{path}?{joined}";
    }
}
