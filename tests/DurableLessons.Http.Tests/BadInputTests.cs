using System.Net;
using DurableLessons.Http.Tests.Infrastructure;

namespace DurableLessons.Http.Tests;

/// <summary>Nothing a client sends yields a 500: every malformed parameter is a 400 problem that names it.</summary>
[Collection(SharedOpenHost.Name)]
public sealed class BadInputTests(OpenHostFixture fixture)
{
    private const string Base = WebhookApi.Base;

    private readonly WebhookApi _api = new(fixture.Host.Client);

    [Theory]
    [InlineData("GET", Base + "/instances?top=0", "top")]
    [InlineData("GET", Base + "/instances?top=1001", "top")]
    [InlineData("GET", Base + "/instances?top=-3", "top")]
    [InlineData("GET", Base + "/instances?top=ten", "top")]
    [InlineData("GET", Base + "/instances?runtimeStatus=Sleeping", "runtimeStatus")]
    [InlineData("GET", Base + "/instances?runtimeStatus=Running,5", "runtimeStatus")]
    [InlineData("GET", Base + "/instances?createdTimeFrom=yesterday", "createdTimeFrom")]
    [InlineData("GET", Base + "/instances?createdTimeTo=2024-13-45T00:00:00Z", "createdTimeTo")]
    [InlineData("GET", Base + "/instances?showInput=sometimes", "showInput")]
    [InlineData("GET", Base + "/instances/some-id?showHistory=maybe", "showHistory")]
    [InlineData("GET", Base + "/instances/some-id?returnInternalServerErrorOnFailure=1x", "returnInternalServerErrorOnFailure")]
    [InlineData("GET", Base + "/instances/bad%01id", "instanceId")]
    [InlineData("GET", Base + "/instances/bad%23id", "instanceId")]
    [InlineData("GET", Base + "/instances/bad%5Cid", "instanceId")]
    [InlineData("POST", Base + "/orchestrators/Greeting/bad%3Fid", "instanceId")]
    [InlineData("POST", Base + "/instances/bad%01id/terminate", "instanceId")]
    [InlineData("POST", Base + "/instances/some-id/raiseEvent/bad%01name", "eventName")]
    [InlineData("DELETE", Base + "/instances/bad%01id", "instanceId")]
    [InlineData("DELETE", Base + "/instances?createdTimeFrom=not-a-date", "createdTimeFrom")]
    [InlineData("DELETE", Base + "/instances?createdTimeFrom=2020-01-01T00:00:00Z&createdTimeTo=soon", "createdTimeTo")]
    [InlineData("DELETE", Base + "/instances?createdTimeFrom=2020-01-01T00:00:00Z&runtimeStatus=Bogus", "runtimeStatus")]
    public async Task Malformed_parameter_is_a_400_problem_naming_it(string method, string path, string parameter)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await _api.Client.SendAsync(request);

        await response.AssertInvalidParameterAsync(parameter);
    }

    [Fact]
    public async Task Instance_id_longer_than_256_characters_is_a_400_problem()
    {
        using var response = await _api.GetStatusAsync(new string('a', 257));

        await response.AssertInvalidParameterAsync("instanceId");
    }

    [Fact]
    public async Task Repeated_single_value_parameter_is_a_400_problem()
    {
        using var response = await _api.Client.GetAsync($"{Base}/instances?top=5&top=6");

        await response.AssertInvalidParameterAsync("top");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJzb21lIjoidGhpbmcifQ==")]
    public async Task Continuation_token_the_host_did_not_issue_is_a_400_problem(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances?top=5");
        request.Headers.Add("x-ms-continuation-token", token);

        using var response = await _api.Client.SendAsync(request);

        await response.AssertInvalidParameterAsync("x-ms-continuation-token");
    }

    [Theory]
    [InlineData("GET", Base + "/nothing-here")]
    [InlineData("GET", Base)]
    [InlineData("GET", Base + "/instances/some-id/terminate")]
    [InlineData("PUT", Base + "/instances/some-id")]
    [InlineData("PATCH", Base + "/instances")]
    [InlineData("GET", Base + "/orchestrators/Greeting")]
    [InlineData("POST", Base + "/instances/some-id/explode")]
    public async Task Unknown_route_or_method_under_the_webhook_base_is_a_404_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await _api.Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
