using System.Net.Http.Headers;

namespace DurableLessons.Testing.Auth;

public static class SignedInClients
{
    /// <summary>A client of the host that sends <paramref name="token"/> as its bearer on every request.</summary>
    public static HttpClient SignedIn(this RunningHost host, string token)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
