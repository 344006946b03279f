using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Xunit;

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

    /// <summary>Plans a syllabus through <paramref name="client"/> (whose learner owns it) and waits for its run; returns its id.</summary>
    public static async Task<string> PlanSyllabusAsync(this RunningHost host, HttpClient client, string topic, string level = "beginner")
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/syllabi", new { topic, level });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await host.PollUntilDoneAsync(response.Headers.Location!);
        Assert.True(status["runtimeStatus"]!.GetValue<string>() == "Completed", status.ToJsonString());
        return status["output"]!["id"]!.GetValue<string>();
    }
}
