using System.Net;
using System.Text;

namespace DurableLessons.Security.Tests.Infrastructure;

/// <summary>Finds secrets in text, as written and in the forms they take in transit: URL-encoded and base64.</summary>
public sealed class SecretScanner(IReadOnlyDictionary<string, string> secrets)
{
    /// <summary>"name (form) in where: …excerpt…" for every secret form found, so a failure says what leaked where.</summary>
    public IReadOnlyList<string> Find(string where, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        foreach (var (name, secret) in secrets)
        {
            foreach (var (form, value) in FormsOf(secret))
            {
                var at = text.IndexOf(value, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var start = Math.Max(0, at - 80);
                    found.Add($"{name} ({form}) in {where}: …{text.Substring(start, Math.Min(text.Length - start, value.Length + 160))}…");
                }
            }
        }

        return found;
    }

    private static IEnumerable<(string Form, string Value)> FormsOf(string secret)
    {
        yield return ("plain", secret);
        var escaped = Uri.EscapeDataString(secret);
        if (escaped != secret)
        {
            yield return ("url-encoded", escaped);
        }

        var formEncoded = WebUtility.UrlEncode(secret);
        if (formEncoded != secret && formEncoded != escaped)
        {
            yield return ("form-encoded", formEncoded);
        }

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return ("base64", base64.TrimEnd('='));
    }
}
