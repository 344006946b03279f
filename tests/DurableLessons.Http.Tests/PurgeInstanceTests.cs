using System.Net;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

[Collection(SharedOpenHost.Name)]
public sealed class PurgeInstanceTests(OpenHostFixture fixture)
{
    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Purging_a_finished_instance_deletes_it()
    {
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("bye"), "Completed");

        using var response = await _api.Client.DeleteAsync(WebhookApi.InstancePath(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"instancesDeleted":1}""", await response.Content.ReadAsStringAsync());
        using var status = await _api.GetStatusAsync(id);
        await status.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Purging_an_unknown_instance_is_404()
    {
        using var response = await _api.Client.DeleteAsync(WebhookApi.InstancePath($"ghost-{Guid.NewGuid():N}"));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Purging_a_running_instance_is_refused_and_keeps_it()
    {
        var id = await _api.StartIdAsync(AwaitApprovalOrchestrator.Name);

        using var response = await _api.Client.DeleteAsync(WebhookApi.InstancePath(id));

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        using var status = await _api.GetStatusAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, status.StatusCode);
    }
}
