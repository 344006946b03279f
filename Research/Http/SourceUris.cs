namespace DurableLessons.Research.Http;

internal static class SourceUris
{
    /// <summary>
    /// Appends a path and query to a base URL, keeping any path the base already has
    /// (<c>https://host/proxy</c> + <c>w/rest.php</c> → <c>https://host/proxy/w/rest.php</c>).
    /// </summary>
    public static Uri Combine(Uri baseUrl, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var root = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{root}/{pathAndQuery.TrimStart('/')}", UriKind.Absolute);
    }

    /// <summary>An absolute http(s) URL from a link that may be relative to <paramref name="baseUrl"/>; null if unusable.</summary>
    public static string? Absolute(Uri baseUrl, string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        if (link.StartsWith("//", StringComparison.Ordinal))
        {
            link = $"{baseUrl.Scheme}:{link}";
        }

        return Uri.TryCreate(baseUrl, link.Trim(), out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>Percent-encodes a query parameter value.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);
}
