using System.Net;
using System.Text;
using System.Text.Json;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

[Collection(SharedOpenHost.Name)]
public sealed class RaiseEventTests(OpenHostFixture fixture)
{
    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Raised_event_is_accepted_and_delivered_to_the_waiting_instance()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);

        using var response = await _api.RaiseEventAsync(id, AwaitApprovalOrchestrator.EventName, """{"approved":true,"by":"Ada"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var output = (await _api.WaitForRuntimeStatusAsync(id, "Completed")).GetProperty("output");
        Assert.Equal(JsonValueKind.Object, output.ValueKind);
        Assert.True(output.GetProperty("approved").GetBoolean());
        Assert.Equal("Ada", output.GetProperty("by").GetString());
    }

    [Fact]
    public async Task Event_with_a_non_json_content_type_is_a_bad_request_naming_body()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);

        using var response = await _api.PostAsync(
            $"{WebhookApi.InstancePath(id)}/raiseEvent/{AwaitApprovalOrchestrator.EventName}",
            new StringContent("approved", Encoding.UTF8, "text/plain"));

        await response.AssertInvalidParameterAsync("body");
    }

    [Fact]
    public async Task Event_with_malformed_json_is_a_bad_request_naming_body()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);

        using var response = await _api.RaiseEventAsync(id, AwaitApprovalOrchestrator.EventName, "{approved: yes");

        await response.AssertInvalidParameterAsync("body");
    }

    [Fact]
    public async Task Event_over_the_body_limit_is_413()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);

        using var response = await _api.RaiseEventAsync(id, AwaitApprovalOrchestrator.EventName, $"\"{new string('x', WebhookTestHost.MaxBodyBytes)}\"");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Event_for_an_unknown_instance_is_404()
    {
        using var response = await _api.RaiseEventAsync($"ghost-{Guid.NewGuid():N}", AwaitApprovalOrchestrator.EventName, "true");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Event_for_a_completed_instance_is_410()
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("done"), "Completed");

        using var response = await _api.RaiseEventAsync(id, AwaitApprovalOrchestrator.EventName, "true");

        await response.AssertProblemAsync(HttpStatusCode.Gone);
    }
}
