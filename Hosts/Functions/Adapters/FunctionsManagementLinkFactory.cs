using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using HttpManagementPayload = DurableLessons.Http.Links.HttpManagementPayload;

namespace DurableLessons.Hosts.Functions.Adapters;

/// <summary>
/// The Durable extension's own management links (<c>CreateHttpManagementPayload</c>) for the invocation's client, in
/// our payload shape. The links use the <c>[DurableClient]</c> binding's webhook base URL and query string (task hub,
/// connection and, in Azure, the system key), as the extension's check-status responses do.
/// </summary>
public sealed class FunctionsManagementLinkFactory(DurableClientAccessor clients) : IManagementLinkFactory
{
    public HttpManagementPayload Create(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);

        var links = clients.Current.CreateHttpManagementPayload(instanceId);
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
