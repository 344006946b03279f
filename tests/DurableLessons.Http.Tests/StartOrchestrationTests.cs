using System.Net;
using System.Text;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

[Collection(SharedOpenHost.Name)]
public sealed class StartOrchestrationTests(OpenHostFixture fixture)
{
    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Start_by_name_answers_202_with_location_retry_after_and_every_management_link()
    {
        using var response = await _api.StartAsync(GreetingOrchestrator.Name, new GreetingRequest("Ada"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var body = await response.ReadJsonAsync();
        Assert.Equal(
            ["id", "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "suspendPostUri", "resumePostUri", "rewindPostUri", "restartPostUri", "purgeHistoryDeleteUri"],
            body.PropertyNames());

        var id = body.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        var instanceUrl = $"{fixture.Host.BaseAddress.ToString().TrimEnd('/')}/runtime/webhooks/durabletask/instances/{id}";
        Assert.Equal(instanceUrl, body.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal(instanceUrl, response.Headers.Location?.ToString());
        Assert.Equal($"{instanceUrl}/raiseEvent/{{eventName}}", body.GetProperty("sendEventPostUri").GetString());
        Assert.Equal($"{instanceUrl}/terminate?reason={{text}}", body.GetProperty("terminatePostUri").GetString());
        Assert.Equal($"{instanceUrl}/suspend?reason={{text}}", body.GetProperty("suspendPostUri").GetString());
        Assert.Equal($"{instanceUrl}/resume?reason={{text}}", body.GetProperty("resumePostUri").GetString());
        Assert.Equal($"{instanceUrl}/rewind?reason={{text}}", body.GetProperty("rewindPostUri").GetString());
        Assert.Equal($"{instanceUrl}/restart", body.GetProperty("restartPostUri").GetString());
        Assert.Equal(instanceUrl, body.GetProperty("purgeHistoryDeleteUri").GetString());

        var completed = await _api.WaitForRuntimeStatusAsync(id, "Completed");
        Assert.Equal("Hello Ada!", completed.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Start_with_an_instance_id_uses_it_and_the_links_escape_it()
    {
        var id = $"order 42 ü {Guid.NewGuid():N}";

        using var response = await _api.StartAsync(GreetingOrchestrator.Name, new GreetingRequest("Grace"), id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(id, body.GetProperty("id").GetString());
        var statusUrl = body.GetProperty("statusQueryGetUri").GetString()!;
        Assert.EndsWith($"/instances/{Uri.EscapeDataString(id)}", statusUrl, StringComparison.Ordinal);

        var completed = await _api.WaitForRuntimeStatusAsync(id, "Completed");
        using var byLink = await _api.Client.GetAsync(statusUrl);
        Assert.Equal(HttpStatusCode.OK, byLink.StatusCode);
        Assert.Equal(id, (await byLink.ReadJsonAsync()).GetProperty("instanceId").GetString());
        Assert.Equal("Greeting", completed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Start_honours_forwarded_host_and_scheme_in_the_links()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{WebhookApi.Base}/orchestrators/{GreetingOrchestrator.Name}")
        {
            Content = WebhookApi.Json("""{"name":"Proxy"}"""),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "lessons.example.org");

        using var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.StartsWith("https://lessons.example.org/runtime/webhooks/durabletask/instances/", body.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(body.GetProperty("statusQueryGetUri").GetString(), response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Start_without_a_body_runs_with_null_input()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);

        var status = await _api.WaitForStatusAsync(id, s => s.GetProperty("runtimeStatus").GetString() is "Running" or "Pending", "started");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.GetProperty("input").ValueKind);
    }

    [Fact]
    public async Task Start_of_an_unknown_orchestrator_is_a_bad_request_naming_functionName()
    {
        using var response = await _api.StartAsync("NoSuchOrchestrator", new GreetingRequest("Nobody"));

        await response.AssertInvalidParameterAsync("functionName");
    }

    [Fact]
    public async Task Start_with_a_body_that_is_not_json_is_a_bad_request_naming_body()
    {
        using var response = await _api.PostAsync($"{WebhookApi.Base}/orchestrators/{GreetingOrchestrator.Name}", WebhookApi.Json("{\"name\": "));

        await response.AssertInvalidParameterAsync("body");
    }

    [Fact]
    public async Task Start_with_a_body_over_the_limit_is_413()
    {
        var huge = $"{{\"name\":\"{new string('x', WebhookTestHost.MaxBodyBytes)}\"}}";

        using var response = await _api.PostAsync($"{WebhookApi.Base}/orchestrators/{GreetingOrchestrator.Name}", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Starting_an_id_that_is_still_running_is_a_conflict()
    {
        var id = $"busy-{Guid.NewGuid():N}";
        await _api.StartIdAsync(AwaitApprovalOrchestrator.Name, instanceId: id);

        using var second = await _api.StartAsync(AwaitApprovalOrchestrator.Name, instanceId: id);

        await second.AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
