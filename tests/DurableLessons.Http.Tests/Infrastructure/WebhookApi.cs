using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DurableLessons.Http.Tests.Infrastructure;

/// <summary>Talks to the management webhooks the way an admin script does: plain HTTP and JSON.</summary>
public sealed class WebhookApi(HttpClient client)
{
    public const string Base = WebhookTestHost.WebhookBase;

    // Only a guard against a hung engine: the loop ends as soon as the state is reached.
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    public HttpClient Client => client;

    public static string InstancePath(string instanceId) => $"{Base}/instances/{Uri.EscapeDataString(instanceId)}";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> StartAsync(string orchestrator, object? input = null, string? instanceId = null)
    {
        var path = $"{Base}/orchestrators/{orchestrator}" + (instanceId is null ? string.Empty : "/" + Uri.EscapeDataString(instanceId));
        return client.PostAsync(path, input is null ? null : JsonContent.Create(input));
    }

    /// <summary>Starts an instance and returns its id, asserting the 202.</summary>
    public async Task<string> StartIdAsync(string orchestrator, object? input = null, string? instanceId = null)
    {
        using var response = await StartAsync(orchestrator, input, instanceId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> GetStatusAsync(string instanceId, string query = "") =>
        client.GetAsync(InstancePath(instanceId) + query);

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent? content = null) => client.PostAsync(path, content);

    public Task<HttpResponseMessage> RaiseEventAsync(string instanceId, string eventName, string json) =>
        client.PostAsync($"{InstancePath(instanceId)}/raiseEvent/{eventName}", Json(json));

    public Task<HttpResponseMessage> OperationAsync(string instanceId, string operation, string query = "") =>
        client.PostAsync($"{InstancePath(instanceId)}/{operation}{query}", null);

    /// <summary>Polls the status route until <paramref name="until"/> holds and returns that status object.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string instanceId, Func<JsonElement, bool> until, string description)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await GetStatusAsync(instanceId);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                last = await response.ReadJsonAsync();
                if (until(last))
                {
                    return last;
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Instance {instanceId} never reached {description}; last status: {(last.ValueKind == JsonValueKind.Undefined ? "none" : last.GetRawText())}");
        return last;
    }

    public Task<JsonElement> WaitForRuntimeStatusAsync(string instanceId, string runtimeStatus) =>
        WaitForStatusAsync(instanceId, status => status.GetProperty("runtimeStatus").GetString() == runtimeStatus, runtimeStatus);

    /// <summary>Starts an instance and waits for it to reach <paramref name="runtimeStatus"/>.</summary>
    public async Task<string> StartAndWaitAsync(string orchestrator, object? input, string runtimeStatus, string? instanceId = null)
    {
        var id = await StartIdAsync(orchestrator, input, instanceId);
        await WaitForRuntimeStatusAsync(id, runtimeStatus);
        return id;
    }
}
