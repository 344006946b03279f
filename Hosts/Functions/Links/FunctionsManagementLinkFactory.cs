using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using HttpManagementPayload = DurableLessons.Http.Links.HttpManagementPayload;

namespace DurableLessons.Hosts.Functions.Links;

/// <summary>
/// The Durable extension's own management links (<c>CreateHttpManagementPayload</c>) in our payload shape: the
/// <c>[DurableClient]</c> binding's webhook base URL and query string (task hub, connection and, in Azure, the
/// <c>durabletask_extension</c> system key), as the extension's check-status responses have them.
/// </summary>
public sealed class FunctionsManagementLinkFactory : IManagementLinkFactory
{
    public HttpManagementPayload Create(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);

        var links = request.DurableClient().CreateHttpManagementPayload(instanceId);
        return new HttpManagementPayload(
            Id: links.Id ?? instanceId,
            StatusQueryGetUri: Required(links.StatusQueryGetUri, nameof(links.StatusQueryGetUri)),
            SendEventPostUri: Required(links.SendEventPostUri, nameof(links.SendEventPostUri)),
            TerminatePostUri: Required(links.TerminatePostUri, nameof(links.TerminatePostUri)),
            SuspendPostUri: Required(links.SuspendPostUri, nameof(links.SuspendPostUri)),
            ResumePostUri: Required(links.ResumePostUri, nameof(links.ResumePostUri)),
            RewindPostUri: links.RewindPostUri,
            RestartPostUri: links.RestartPostUri,
            PurgeHistoryDeleteUri: Required(links.PurgeHistoryDeleteUri, nameof(links.PurgeHistoryDeleteUri)));
    }

    private static string Required(string? link, string name) =>
        link ?? throw new InvalidOperationException($"The Durable extension produced no {name}.");
}
