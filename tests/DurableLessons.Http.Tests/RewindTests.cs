using System.Net;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

[Collection(SharedOpenHost.Name)]
public sealed class RewindTests(OpenHostFixture fixture)
{
    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Rewind_of_a_failed_instance_is_accepted_and_the_instance_runs_again_to_completion()
    {
        var id = await _api.StartAndWaitAsync(FailingOrchestrator.Name, "turbine", "Failed");
        fixture.Host.Failures.Heal(id);

        using var response = await _api.OperationAsync(id, "rewind", "?reason=fixed%20the%20reactor");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await _api.WaitForRuntimeStatusAsync(id, "Completed");
        Assert.Equal("recovered turbine", status.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Rewind_of_a_running_instance_is_a_bad_request()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);

        using var response = await _api.OperationAsync(id, "rewind");

        await response.AssertInvalidParameterAsync("instanceId");
    }

    [Fact]
    public async Task Rewind_of_a_completed_instance_is_410()
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("fine"), "Completed");

        using var response = await _api.OperationAsync(id, "rewind");

        await response.AssertProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Rewind_of_a_terminated_instance_is_410()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);
        using (var terminate = await _api.OperationAsync(id, "terminate"))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        }

        await _api.WaitForRuntimeStatusAsync(id, "Terminated");

        using var response = await _api.OperationAsync(id, "rewind");

        await response.AssertProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Rewind_of_an_unknown_instance_is_404()
    {
        using var response = await _api.OperationAsync($"ghost-{Guid.NewGuid():N}", "rewind");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
