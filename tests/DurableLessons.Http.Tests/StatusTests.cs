using System.Net;
using System.Text.Json;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

[Collection(SharedOpenHost.Name)]
public sealed class StatusTests(OpenHostFixture fixture)
{
    private const string WireTime = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$";

    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Completed_instance_answers_200_with_the_status_object_and_embedded_json()
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("Ada"), "Completed");

        using var response = await _api.GetStatusAsync(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var status = await response.ReadJsonAsync();
        Assert.Equal(["name", "instanceId", "runtimeStatus", "input", "customStatus", "output", "createdTime", "lastUpdatedTime"], status.PropertyNames());
        Assert.Equal("Greeting", status.GetProperty("name").GetString());
        Assert.Equal(id, status.GetProperty("instanceId").GetString());
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(JsonValueKind.Object, status.GetProperty("input").ValueKind);
        Assert.Equal("Ada", status.GetProperty("input").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("customStatus").ValueKind);
        Assert.Equal("Hello Ada!", status.GetProperty("output").GetString());
        Assert.Matches(WireTime, status.GetProperty("createdTime").GetString());
        Assert.Matches(WireTime, status.GetProperty("lastUpdatedTime").GetString());
        var created = DateTimeOffset.Parse(status.GetProperty("createdTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task ShowInput_false_keeps_the_input_key_but_hides_its_value()
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("Hidden"), "Completed");

        using var response = await _api.GetStatusAsync(id, "?showInput=false");

        var status = await response.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, status.GetProperty("input").ValueKind);
        Assert.Equal("Hello Hidden!", status.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Running_instance_answers_202_with_location_of_itself_and_retry_after()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);
        var query = "?showInput=true&taskHub=ignored&connection=ignored";

        using var response = await _api.GetStatusAsync(id, query);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new Uri(fixture.Host.BaseAddress, WebhookApi.InstancePath(id) + query), response.Headers.Location);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var status = await response.ReadJsonAsync();
        Assert.Contains(status.GetProperty("runtimeStatus").GetString(), new[] { "Pending", "Running" });
        Assert.Equal(JsonValueKind.Null, status.GetProperty("output").ValueKind);
    }

    [Fact]
    public async Task Custom_status_is_embedded_as_a_json_object()
    {
        var id = await _api.StartIdAsync(ReportProgressOrchestrator.Name);

        var status = await _api.WaitForStatusAsync(id, s => s.GetProperty("customStatus").ValueKind != JsonValueKind.Null, "a custom status");

        var custom = status.GetProperty("customStatus");
        Assert.Equal(JsonValueKind.Object, custom.ValueKind);
        Assert.Equal("drafting", custom.GetProperty("stage").GetString());
        Assert.Equal(40, custom.GetProperty("percent").GetInt32());
    }

    [Fact]
    public async Task Failed_instance_answers_200_with_the_failure_in_output_or_500_when_asked()
    {
        var id = await _api.StartAndWaitAsync(FailingOrchestrator.Name, "core", "Failed");

        using var ok = await _api.GetStatusAsync(id);
        using var serverError = await _api.GetStatusAsync(id, "?returnInternalServerErrorOnFailure=true");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var status = await ok.ReadJsonAsync();
        Assert.Equal("Failed", status.GetProperty("runtimeStatus").GetString());
        Assert.Contains(ExplodeActivity.Message, status.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, serverError.StatusCode);
        Assert.Equal("Failed", (await serverError.ReadJsonAsync()).GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task ShowHistory_adds_history_events_with_outputs_only_when_asked()
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("History"), "Completed");

        using var withoutOutput = await _api.GetStatusAsync(id, "?showHistory=true");
        using var withOutput = await _api.GetStatusAsync(id, "?showHistory=true&showHistoryOutput=true");

        var events = (await withoutOutput.ReadJsonAsync()).GetProperty("historyEvents").EnumerateArray().ToList();
        Assert.Equal("ExecutionStarted", events[0].GetProperty("EventType").GetString());
        Assert.Equal("ExecutionCompleted", events[^1].GetProperty("EventType").GetString());
        var activity = Assert.Single(events, e => e.GetProperty("EventType").GetString() == "TaskCompleted");
        Assert.Equal(SayHelloActivity.Name, activity.GetProperty("FunctionName").GetString());
        Assert.False(activity.TryGetProperty("Result", out _));
        Assert.All(events, e => Assert.True(e.TryGetProperty("Timestamp", out _)));

        var detailed = (await withOutput.ReadJsonAsync()).GetProperty("historyEvents").EnumerateArray()
            .Single(e => e.GetProperty("EventType").GetString() == "TaskCompleted");
        Assert.Equal("Hello History!", detailed.GetProperty("Result").GetString());
    }

    [Fact]
    public async Task Unknown_instance_is_404_problem()
    {
        using var response = await _api.GetStatusAsync($"never-started-{Guid.NewGuid():N}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
