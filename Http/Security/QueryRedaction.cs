using System.Text;
using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Security;

/// <summary>A query string fit for logs: the values of the parameters that carry keys or link signatures are masked.</summary>
public static class QueryRedaction
{
    public const string Mask = "***";

    private static readonly string[] SecretParameters = [SystemKeyVerifier.QueryParameter, StatusLinkSigner.QueryParameter];

    public static string Redact(QueryString query)
    {
        if (!query.HasValue || query.Value!.Length <= 1)
        {
            return string.Empty;
        }

        var redacted = new StringBuilder(query.Value.Length);
        foreach (var pair in query.Value[1..].Split('&'))
        {
            redacted.Append(redacted.Length == 0 ? '?' : '&');
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var isSecret = SecretParameters.Any(secret => string.Equals(Uri.UnescapeDataString(name), secret, StringComparison.OrdinalIgnoreCase));
            redacted.Append(isSecret ? $"{name}={Mask}" : pair);
        }

        return redacted.ToString();
    }
}
