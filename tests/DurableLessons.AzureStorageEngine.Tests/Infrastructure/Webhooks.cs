using System.Text;
using System.Text.Json.Nodes;

namespace DurableLessons.AzureStorageEngine.Tests.Infrastructure;

/// <summary>The Durable management webhooks of one host, as a client calls them.</summary>
internal sealed class Webhooks(HttpClient client)
{
    public const string Base = "/runtime/webhooks/durabletask";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static string Instance(string instanceId) => $"{Base}/instances/{Uri.EscapeDataString(instanceId)}";

    public async Task<string> StartAsync(string orchestrator, string? jsonInput = null)
    {
        using var content = new StringContent(jsonInput ?? "null", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"{Base}/orchestrators/{orchestrator}", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await ReadAsync(response))["id"]!.GetValue<string>();
    }

    public async Task<HttpStatusCode> PostAsync(string path, string? json = null)
    {
        using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return response.StatusCode;
    }

    public async Task<(HttpStatusCode Status, JsonObject? Body)> StatusAsync(string instanceId, string query = "")
    {
        using var response = await client.GetAsync(Instance(instanceId) + query);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response));
    }

    /// <summary>Reads the status until the runtime status is <paramref name="runtimeStatus"/>; fails with the last one.</summary>
    public async Task<JsonObject> WaitForAsync(string instanceId, string runtimeStatus, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            (_, last) = await StatusAsync(instanceId);
            if (last?["runtimeStatus"]?.GetValue<string>() == runtimeStatus)
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{instanceId} did not become {runtimeStatus}; last status: {last?.ToJsonString() ?? "not found"}");
        return null!;
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
