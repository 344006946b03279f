using System.Net;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

public sealed class SystemKeyTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    private const string Base = WebhookApi.Base;
    private const string Key = KeyedHostFixture.SystemKey;

    private readonly WebhookApi _api = new(fixture.Host.Client);

    public static TheoryData<string, string> EveryRoute() => new()
    {
        { "POST", Base + "/orchestrators/Greeting" },
        { "POST", Base + "/orchestrators/Greeting/keyed-instance" },
        { "GET", Base + "/instances/keyed-instance" },
        { "GET", Base + "/instances" },
        { "POST", Base + "/instances/keyed-instance/raiseEvent/Approval" },
        { "POST", Base + "/instances/keyed-instance/terminate" },
        { "POST", Base + "/instances/keyed-instance/suspend" },
        { "POST", Base + "/instances/keyed-instance/resume" },
        { "POST", Base + "/instances/keyed-instance/rewind" },
        { "POST", Base + "/instances/keyed-instance/restart" },
        { "DELETE", Base + "/instances/keyed-instance" },
        { "DELETE", Base + "/instances?createdTimeFrom=2000-01-01T00:00:00Z" },
        { "GET", Base + "/no-such-route" },
    };

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Every_route_without_the_key_is_401(string method, string path)
    {
        using var response = await SendAsync(method, path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Every_route_with_a_wrong_key_is_401(string method, string path)
    {
        using var response = await SendAsync(method, path, header: Key + "x");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Every_route_accepts_the_key_as_code_or_header(string method, string path)
    {
        var withCode = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(Key);

        using var byCode = await SendAsync(method, withCode);
        using var byHeader = await SendAsync(method, path, header: Key);

        Assert.InRange((int)byCode.StatusCode, 200, 499);
        Assert.InRange((int)byHeader.StatusCode, 200, 499);
        Assert.NotEqual(HttpStatusCode.Unauthorized, byCode.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, byHeader.StatusCode);
    }

    [Fact]
    public async Task With_the_key_the_routes_answer_200_and_202_and_links_carry_the_key()
    {
        using var start = await SendAsync("POST", $"{Base}/orchestrators/{GreetingOrchestrator.Name}", header: Key, body: """{"name":"Key"}""");
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var payload = await start.ReadJsonAsync();
        var statusUrl = payload.GetProperty("statusQueryGetUri").GetString()!;
        Assert.EndsWith($"?code={Key}", statusUrl, StringComparison.Ordinal);
        Assert.EndsWith($"/terminate?reason={{text}}&code={Key}", payload.GetProperty("terminatePostUri").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"/raiseEvent/{{eventName}}?code={Key}", payload.GetProperty("sendEventPostUri").GetString(), StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode statusCode;
        do
        {
            using var status = await _api.Client.GetAsync(statusUrl);
            statusCode = status.StatusCode;
            Assert.Contains(statusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        }
        while (statusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, statusCode);
        using var list = await SendAsync("GET", $"{Base}/instances", header: Key);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? header = null, string body = "{}")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST")
        {
            request.Content = WebhookApi.Json(body);
        }

        if (header is not null)
        {
            request.Headers.Add("x-functions-key", header);
        }

        return await _api.Client.SendAsync(request);
    }
}
