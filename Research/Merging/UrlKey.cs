namespace DurableLessons.Research.Merging;

/// <summary>
/// The form in which two citation URLs count as the same page: for http(s), scheme, case of the host, a leading
/// "www." and a trailing slash do not matter; fragments do (corpus notes are different sections of one file).
/// </summary>
internal static class UrlKey
{
    public static string? Of(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return url;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var port = uri.IsDefaultPort ? string.Empty : $":{uri.Port}";
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : string.Empty;
        return $"web://{host}{port}{path}{uri.Query}{uri.Fragment}";
    }
}
