using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>Normal requests a healthy host answers correctly.</summary>
public static class HealthChecks
{
    public static async Task AssertHostServesAsync(HostileHost fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var client = fixture.Host.Client;

        using (var runs = await client.GetAsync(new Uri("/api/runs", UriKind.Relative)))
        {
            var body = await runs.Content.ReadAsStringAsync();
            Assert.True(runs.StatusCode == HttpStatusCode.OK, body);
            using var listing = JsonDocument.Parse(body);
            Assert.Contains(listing.RootElement.GetProperty("runs").EnumerateArray(), run => run.GetProperty("instanceId").GetString() == HostileHost.SeedInstanceId);
        }

        using var start = await client.PostAsJsonAsync(new Uri("/api/lessons", UriKind.Relative), new { subject = "Health", topic = "After the corpus", level = "beginner" });
        var started = await start.Content.ReadAsStringAsync();
        Assert.True(start.StatusCode == HttpStatusCode.Accepted, started);
        using var payload = JsonDocument.Parse(started);
        var instanceId = payload.RootElement.GetProperty("id").GetString()!;
        var statusUri = new Uri(payload.RootElement.GetProperty("statusQueryGetUri").GetString()!);

        using var status = await client.GetAsync(statusUri);
        var statusBody = await status.Content.ReadAsStringAsync();
        Assert.True(status.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, statusBody);
        using var statusDocument = JsonDocument.Parse(statusBody);
        Assert.Equal(instanceId, statusDocument.RootElement.GetProperty("instanceId").GetString());

        var state = await fixture.ReadStateAsync();
        Assert.Contains(state.Instances, instance => instance.StartsWith(instanceId + " (", StringComparison.Ordinal));
    }
}
