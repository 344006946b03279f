using System.Net;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

[Collection(SharedOpenHost.Name)]
public sealed class RestartTests(OpenHostFixture fixture)
{
    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Restart_by_default_starts_a_new_instance_with_the_original_input()
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("Again"), "Completed");

        using var response = await _api.OperationAsync(id, "restart");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var payload = await response.ReadJsonAsync();
        var restartedId = payload.GetProperty("id").GetString()!;
        Assert.NotEqual(id, restartedId);
        Assert.Equal(payload.GetProperty("statusQueryGetUri").GetString(), response.Headers.Location?.ToString());
        Assert.EndsWith($"/instances/{Uri.EscapeDataString(restartedId)}", payload.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);

        var restarted = await _api.WaitForRuntimeStatusAsync(restartedId, "Completed");
        Assert.Equal("Again", restarted.GetProperty("input").GetProperty("name").GetString());
        Assert.Equal("Hello Again!", restarted.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Restart_with_the_same_id_runs_that_instance_again()
    {
        var id = await _api.StartAndWaitAsync(FailingOrchestrator.Name, "same", "Failed");
        fixture.Host.Failures.Heal(id);

        using var response = await _api.OperationAsync(id, "restart", "?restartWithNewInstanceId=false");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(id, (await response.ReadJsonAsync()).GetProperty("id").GetString());
        var status = await _api.WaitForRuntimeStatusAsync(id, "Completed");
        Assert.Equal("recovered same", status.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Restart_of_an_unknown_instance_is_404()
    {
        using var response = await _api.OperationAsync($"ghost-{Guid.NewGuid():N}", "restart");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Restart_with_an_unreadable_flag_is_a_bad_request_naming_it()
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("flag"), "Completed");

        using var response = await _api.OperationAsync(id, "restart", "?restartWithNewInstanceId=perhaps");

        await response.AssertInvalidParameterAsync("restartWithNewInstanceId");
    }
}
