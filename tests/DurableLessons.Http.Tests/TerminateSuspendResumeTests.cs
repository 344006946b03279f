using System.Net;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

[Collection(SharedOpenHost.Name)]
public sealed class TerminateSuspendResumeTests(OpenHostFixture fixture)
{
    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Terminate_is_accepted_and_the_instance_ends_Terminated_with_the_reason_as_output()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);

        using var response = await _api.OperationAsync(id, "terminate", "?reason=no%20longer%20needed");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await _api.WaitForRuntimeStatusAsync(id, "Terminated");
        Assert.Equal("no longer needed", status.GetProperty("output").GetString());
        using var statusResponse = await _api.GetStatusAsync(id);
        Assert.Equal(HttpStatusCode.OK, statusResponse.StatusCode);
    }

    [Fact]
    public async Task Suspend_then_resume_pauses_and_continues_the_instance()
    {
        var id = await _api.StartAndWaitAsync(AwaitApprovalOrchestrator.Name, null, "Running");

        using var suspend = await _api.OperationAsync(id, "suspend", "?reason=maintenance");
        Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        await _api.WaitForRuntimeStatusAsync(id, "Suspended");
        using var suspendedStatus = await _api.GetStatusAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, suspendedStatus.StatusCode);

        using var resume = await _api.OperationAsync(id, "resume", "?reason=done");
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        await _api.WaitForRuntimeStatusAsync(id, "Running");

        using var raise = await _api.RaiseEventAsync(id, AwaitApprovalOrchestrator.EventName, "\"go\"");
        Assert.Equal(HttpStatusCode.Accepted, raise.StatusCode);
        await _api.WaitForRuntimeStatusAsync(id, "Completed");
    }

    [Theory]
    [InlineData("terminate")]
    [InlineData("suspend")]
    [InlineData("resume")]
    public async Task Operation_on_an_unknown_instance_is_404(string operation)
    {
        using var response = await _api.OperationAsync($"ghost-{Guid.NewGuid():N}", operation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("terminate")]
    [InlineData("suspend")]
    [InlineData("resume")]
    public async Task Operation_on_a_finished_instance_is_410(string operation)
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("finished"), "Completed");

        using var response = await _api.OperationAsync(id, operation, "?reason=late");

        await response.AssertProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Terminate_of_a_failed_instance_is_410()
    {
        var id = await _api.StartAndWaitAsync(FailingOrchestrator.Name, "x", "Failed");

        using var response = await _api.OperationAsync(id, "terminate");

        await response.AssertProblemAsync(HttpStatusCode.Gone);
    }
}
