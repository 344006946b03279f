using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DurableLessons.Security.Tests.Infrastructure;

/// <summary>Fresh random secrets and the HTTP calls the tests make with them.</summary>
public static class Secrets
{
    public const string KeyHeader = "x-functions-key";

    /// <summary>A random key that no other test, log or fixture could contain by chance.</summary>
    public static string NewKey(string purpose) => $"{purpose}-{Guid.NewGuid():N}{Guid.NewGuid():N}";

    public static HttpRequestMessage Request(HttpMethod method, string url, string? key = null, object? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null)
        {
            request.Headers.Add(KeyHeader, key);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(client);
        using (request)
        {
            var response = await client.SendAsync(request);
            return (response, await response.Content.ReadAsStringAsync());
        }
    }

    public static JsonObject Parse(string body) => JsonNode.Parse(body)!.AsObject();
}
