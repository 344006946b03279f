using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Links;

/// <summary>
/// The scheme and authority a client used to reach the host (<c>https://example.org</c>), taken from
/// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-Host</c> when a proxy set them to valid values, else from the request.
/// </summary>
public static class PublicBaseUrl
{
    public static string From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = ForwardedScheme(request) ?? request.Scheme;
        var host = ForwardedHost(request) ?? request.Host;
        return $"{scheme}://{host.ToUriComponent()}";
    }

    /// <summary>The absolute URL of the request itself as the client sees it, query included.</summary>
    public static string RequestUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return From(request) + request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
    }

    private static string? ForwardedScheme(HttpRequest request)
    {
        var value = FirstValue(request.Headers["X-Forwarded-Proto"]);
        return value is not null && (value.Equals("http", StringComparison.OrdinalIgnoreCase) || value.Equals("https", StringComparison.OrdinalIgnoreCase))
            ? value.ToLowerInvariant()
            : null;
    }

    private static HostString? ForwardedHost(HttpRequest request)
    {
        var value = FirstValue(request.Headers["X-Forwarded-Host"]);
        if (value is null)
        {
            return null;
        }

        var host = HostString.FromUriComponent(value);
        return Uri.CheckHostName(host.Host.Trim('[', ']')) != UriHostNameType.Unknown && host.Port is null or (> 0 and <= 65535)
            ? host
            : null;
    }

    // Proxies append to these headers: the first entry is the one the client used.
    private static string? FirstValue(string? header)
    {
        var first = header?.Split(',')[0].Trim();
        return string.IsNullOrEmpty(first) ? null : first;
    }
}
