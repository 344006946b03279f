namespace DurableLessons.Syllabi.Tests;

/// <summary>Security:FunctionKey guards /api/*; /api/admin/* and the webhooks take only the system key.</summary>
public sealed class KeyTests : IAsyncLifetime
{
    private const string FunctionKey = "function-key-for-tests-0123456789";
    private const string SystemKey = "system-key-for-tests-9876543210";
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.StartAsync(new Dictionary<string, string>
    {
        ["Security:FunctionKey"] = FunctionKey,
        ["Security:SystemKey"] = SystemKey,
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? key, bool asHeader = true)
    {
        var target = key is not null && !asHeader ? $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={key}" : path;
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (key is not null && asHeader)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await host.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("GET", "/api/syllabi/unknown")]
    [InlineData("GET", "/api/lessons/english/verbs?level=beginner")]
    [InlineData("GET", "/api/runs")]
    [InlineData("POST", "/api/syllabi")]
    public async Task Api_routes_need_the_function_key(string method, string path)
    {
        using var without = await SendAsync(method, path, null);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);

        using var wrong = await SendAsync(method, path, "wrong-key-wrong-key-wrong-key");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var header = await SendAsync(method, path, FunctionKey);
        Assert.NotEqual(HttpStatusCode.Unauthorized, header.StatusCode);

        using var query = await SendAsync(method, path, FunctionKey, asHeader: false);
        Assert.NotEqual(HttpStatusCode.Unauthorized, query.StatusCode);

        using var system = await SendAsync(method, path, SystemKey);
        Assert.NotEqual(HttpStatusCode.Unauthorized, system.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/admin/runs/purge?dryRun=true")]
    [InlineData("DELETE", "/api/admin/runs?olderThan=1d")]
    [InlineData("POST", "/api/admin/regenerations")]
    [InlineData("GET", "/runtime/webhooks/durabletask/instances")]
    public async Task A_function_key_never_opens_administration_or_the_webhooks(string method, string path)
    {
        using var withFunctionKey = await SendAsync(method, path, FunctionKey);
        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);

        using var withFunctionKeyInQuery = await SendAsync(method, path, FunctionKey, asHeader: false);
        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKeyInQuery.StatusCode);

        using var withSystemKey = await SendAsync(method, path, SystemKey);
        Assert.True(withSystemKey.IsSuccessStatusCode, $"{method} {path} with the system key answered {(int)withSystemKey.StatusCode}");
    }

    [Fact]
    public async Task A_function_key_equal_to_the_system_key_fails_start_up()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningHost.StartAsync(new Dictionary<string, string>
        {
            ["Security:FunctionKey"] = SystemKey,
            ["Security:SystemKey"] = SystemKey,
        }));
        Assert.Contains("Security:FunctionKey", error.ToString(), StringComparison.Ordinal);
    }
}
