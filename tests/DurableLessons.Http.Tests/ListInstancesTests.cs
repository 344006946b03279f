using System.Net;
using System.Text.Json;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

[Collection(SharedOpenHost.Name)]
public sealed class ListInstancesTests(OpenHostFixture fixture)
{
    private const string TokenHeader = "x-ms-continuation-token";

    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Fact]
    public async Task Listing_25_instances_with_top_10_pages_through_all_of_them_with_continuation_tokens()
    {
        var prefix = $"page-{Guid.NewGuid():N}-";
        var expected = new HashSet<string>();
        for (var i = 0; i < 25; i++)
        {
            expected.Add(await _api.StartIdAsync(GreetingOrchestrator.Name, new GreetingRequest($"n{i}"), $"{prefix}{i:00}"));
        }

        var pageSizes = new List<int>();
        var seen = new List<string>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{WebhookApi.Base}/instances?instanceIdPrefix={prefix}&top=10");
            if (token is not null)
            {
                request.Headers.Add(TokenHeader, token);
            }

            using var response = await _api.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            Assert.Equal(JsonValueKind.Array, page.ValueKind);
            pageSizes.Add(page.GetArrayLength());
            foreach (var status in page.EnumerateArray())
            {
                Assert.Equal(["name", "instanceId", "runtimeStatus", "input", "customStatus", "output", "createdTime", "lastUpdatedTime"], status.PropertyNames());
                seen.Add(status.GetProperty("instanceId").GetString()!);
            }

            token = response.Headers.TryGetValues(TokenHeader, out var values) ? values.Single() : null;
            Assert.True(pageSizes.Count <= 3, "More pages than instances.");
        }
        while (token is not null);

        Assert.Equal([10, 10, 5], pageSizes);
        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal(expected.Order(), seen.Order());
    }

    [Fact]
    public async Task RuntimeStatus_filters_accept_comma_lists_and_repeats()
    {
        var prefix = $"filter-{Guid.NewGuid():N}-";
        var completed = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("a"), "Completed", $"{prefix}completed");
        var failed = await _api.StartAndWaitAsync(FailingOrchestrator.Name, "b", "Failed", $"{prefix}failed");
        var running = await _api.StartAndWaitAsync(AwaitApprovalOrchestrator.Name, null, "Running", $"{prefix}running");

        Assert.Equal([running], await ListIdsAsync($"instanceIdPrefix={prefix}&runtimeStatus=Running"));
        Assert.Equal(new[] { completed, failed }.Order(), await ListIdsAsync($"instanceIdPrefix={prefix}&runtimeStatus=Completed,Failed"));
        Assert.Equal(new[] { completed, running }.Order(), await ListIdsAsync($"instanceIdPrefix={prefix}&runtimeStatus=completed&runtimeStatus=Running"));
        Assert.Equal(new[] { completed, failed, running }.Order(), await ListIdsAsync($"instanceIdPrefix={prefix}"));
    }

    [Fact]
    public async Task Created_time_bounds_filter_the_list()
    {
        var prefix = $"created-{Guid.NewGuid():N}-";
        var before = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var id = await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("t"), "Completed", $"{prefix}1");

        Assert.Equal([id], await ListIdsAsync($"instanceIdPrefix={prefix}&createdTimeFrom={before}"));
        Assert.Empty(await ListIdsAsync($"instanceIdPrefix={prefix}&createdTimeFrom=2999-01-01T00:00:00Z"));
        Assert.Empty(await ListIdsAsync($"instanceIdPrefix={prefix}&createdTimeTo=2000-01-01T00:00:00Z"));
        Assert.Equal([id], await ListIdsAsync($"instanceIdPrefix={prefix}&createdTimeFrom={before}&createdTimeTo=2999-01-01T00:00:00Z"));
    }

    [Fact]
    public async Task ShowInput_false_hides_inputs_in_the_list()
    {
        var prefix = $"noinput-{Guid.NewGuid():N}-";
        await _api.StartAndWaitAsync(GreetingOrchestrator.Name, new GreetingRequest("secret"), "Completed", $"{prefix}1");

        using var shown = await _api.Client.GetAsync($"{WebhookApi.Base}/instances?instanceIdPrefix={prefix}");
        using var hidden = await _api.Client.GetAsync($"{WebhookApi.Base}/instances?instanceIdPrefix={prefix}&showInput=false");

        Assert.Equal("secret", (await shown.ReadJsonAsync())[0].GetProperty("input").GetProperty("name").GetString());
        var status = (await hidden.ReadJsonAsync())[0];
        Assert.Equal(JsonValueKind.Null, status.GetProperty("input").ValueKind);
        Assert.Equal("Hello secret!", status.GetProperty("output").GetString());
    }

    private async Task<IEnumerable<string>> ListIdsAsync(string query)
    {
        using var response = await _api.Client.GetAsync($"{WebhookApi.Base}/instances?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.ReadJsonAsync()).EnumerateArray().Select(s => s.GetProperty("instanceId").GetString()!).ToList();
        return ids.Order();
    }
}
