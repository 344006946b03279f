using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Links;

/// <summary>
/// The <c>[DurableClient]</c> an HTTP function bound, carried on its request. The shared handlers ask
/// <see cref="DurableLessons.Http.Links.IManagementLinkFactory"/> for links with the request only, and on Functions
/// the links (base URL, task hub, connection, system key) come from that binding.
/// </summary>
public static class BoundDurableClient
{
    /// <summary>Puts <paramref name="client"/> on the request for this invocation and returns the request.</summary>
    public static HttpRequest WithDurableClient(this HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        request.HttpContext.Features.Set(new Feature(client));
        return request;
    }

    public static DurableTaskClient DurableClient(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<Feature>()?.Client ?? throw new InvalidOperationException(
            $"No Durable client is bound to {request.Method} {request.Path}: the HTTP function must bind " +
            "'[DurableClient] DurableTaskClient client' and pass request.WithDurableClient(client) to the handler.");
    }

    private sealed record Feature(DurableTaskClient Client);
}
