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
    // Every link of a start ends in one of these two queries: built once, not per link.
    private readonly string _codeQuery = CodeQuery(security.Value, "?");
    private readonly string _reasonQuery = "?reason={text}" + CodeQuery(security.Value, "&");

    public HttpManagementPayload Create(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);

        var instanceUrl = $"{PublicBaseUrl.From(request)}{WebhookPaths.Base}/instances/{Uri.EscapeDataString(instanceId)}";
        var statusUrl = instanceUrl + _codeQuery;
        return new HttpManagementPayload(
            Id: instanceId,
            StatusQueryGetUri: statusUrl,
            SendEventPostUri: string.Concat(instanceUrl, "/raiseEvent/{eventName}", _codeQuery),
            TerminatePostUri: string.Concat(instanceUrl, "/terminate", _reasonQuery),
            SuspendPostUri: string.Concat(instanceUrl, "/suspend", _reasonQuery),
            ResumePostUri: string.Concat(instanceUrl, "/resume", _reasonQuery),
            RewindPostUri: string.Concat(instanceUrl, "/rewind", _reasonQuery),
            RestartPostUri: string.Concat(instanceUrl, "/restart", _codeQuery),
            PurgeHistoryDeleteUri: statusUrl);
    }

    private static string CodeQuery(SecurityOptions security, string separator) => security.HasSystemKey
        ? $"{separator}{SystemKeyVerifier.QueryParameter}={Uri.EscapeDataString(security.SystemKey!)}"
        : string.Empty;
}
