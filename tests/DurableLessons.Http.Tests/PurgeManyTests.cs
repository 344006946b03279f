using System.Globalization;
using System.Net;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

/// <summary>Purging by filter touches every instance of a host, so these tests get a host of their own.</summary>
public sealed class PurgeManyTests(OpenHostFixture fixture) : IClassFixture<OpenHostFixture>
{
    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Purge_by_filter_deletes_matching_finished_instances_and_then_finds_nothing()
    {
        var from = Wire(DateTimeOffset.UtcNow.AddMinutes(-1));
        var completed = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("one"), "Completed");
        var failed = await _api.StartAndWaitAsync(FailingOrchestrator.Name, "two", "Failed");
        var running = await _api.StartAndWaitAsync(AwaitApprovalOrchestrator.Name, null, "Running");

        using var outsideEveryInstance = await _api.Client.DeleteAsync($"{WebhookApi.Base}/instances?createdTimeFrom=2000-01-01T00:00:00Z&createdTimeTo=2000-01-02T00:00:00Z");
        await outsideEveryInstance.AssertProblemAsync(HttpStatusCode.NotFound);

        using var onlyFailed = await _api.Client.DeleteAsync($"{WebhookApi.Base}/instances?createdTimeFrom={from}&runtimeStatus=Failed");
        Assert.Equal(HttpStatusCode.OK, onlyFailed.StatusCode);
        Assert.Equal("""{"instancesDeleted":1}""", await onlyFailed.Content.ReadAsStringAsync());
        await (await _api.GetStatusAsync(failed)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetStatusAsync(completed)).StatusCode);

        using var rest = await _api.Client.DeleteAsync($"{WebhookApi.Base}/instances?createdTimeFrom={from}");
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal("""{"instancesDeleted":1}""", await rest.Content.ReadAsStringAsync());
        await (await _api.GetStatusAsync(completed)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Accepted, (await _api.GetStatusAsync(running)).StatusCode);

        using var again = await _api.Client.DeleteAsync($"{WebhookApi.Base}/instances?createdTimeFrom={from}");
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Purge_by_filter_without_createdTimeFrom_is_a_bad_request_naming_it()
    {
        using var response = await _api.Client.DeleteAsync($"{WebhookApi.Base}/instances?runtimeStatus=Completed");

        await response.AssertInvalidParameterAsync("createdTimeFrom");
    }

    private static string Wire(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
