using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace DurableLessons.Storage.Tables;

/// <summary>
/// Signs Table requests with the account key (SharedKeyLite for the Table service):
/// <c>HMAC-SHA256(key, x-ms-date + "\n" + "/" + account + path [+ "?comp=" + comp])</c>. The path is signed exactly as
/// sent, so emulator path-style URLs (/devstoreaccount1/Table) sign as /devstoreaccount1/devstoreaccount1/Table.
/// </summary>
internal sealed class SharedKeyLiteAuthenticationPolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        if (!request.Headers.TryGetValue(StorageDateHeaderPolicy.HeaderName, out var date))
        {
            throw new InvalidOperationException("x-ms-date must be set before the request is signed.");
        }

        var stringToSign = $"{date}\n{CanonicalizedResource(request.Uri)}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKeyLite {accountName}:{signature}");
    }

    private string CanonicalizedResource(RequestUriBuilder uri)
    {
        var resource = $"/{accountName}{(uri.Path.Length == 0 ? "/" : uri.Path)}";
        var comp = CompQueryValue(uri.Query);
        return comp is null ? resource : $"{resource}?comp={comp}";
    }

    private static string? CompQueryValue(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (name.Equals("comp", StringComparison.OrdinalIgnoreCase))
            {
                return equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
