using System.Text.Json;
using DurableLessons.Research.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Research.Tests.Sources;

/// <summary>Every web source fails the same way, so the caller can record why: it throws, promptly.</summary>
public sealed class WebSourceFailureTests
{
    public static TheoryData<string> WebSources => new(ResearchSourceNames.Remote);

    [Theory]
    [MemberData(nameof(WebSources))]
    public async Task An_http_500_throws_with_the_status(string source)
    {
        await using var api = await FakeApi.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsync("<html><body>Internal Server Error</body></html>", context.RequestAborted);
        });
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable(source, api.BaseUrl));

        var error = await Assert.ThrowsAsync<ResearchSourceException>(() => Search(services, source, CancellationToken.None));

        Assert.Equal(source, error.SourceName);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WebSources))]
    public async Task Malformed_json_throws(string source)
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(context, """{"pages": [{"id": 1, "key": "Trunc"""));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable(source, api.BaseUrl));

        var error = await Assert.ThrowsAsync<ResearchSourceException>(() => Search(services, source, CancellationToken.None));

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
    }

    [Theory]
    [MemberData(nameof(WebSources))]
    public async Task Json_of_the_wrong_shape_throws(string source)
    {
        // An object where dev.to sends an array, and a string where the others send a list.
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(
            context, source == ResearchSourceNames.DevTo ? """{"error":"not found"}""" : """{"pages":"x","items":"x","results":"x"}"""));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable(source, api.BaseUrl));

        var error = await Assert.ThrowsAsync<ResearchSourceException>(() => Search(services, source, CancellationToken.None));

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WebSources))]
    public async Task A_response_slower_than_the_sources_timeout_throws_a_timeout(string source)
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.NeverAnswer(context));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable(source, api.BaseUrl, timeoutSeconds: 1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Search(services, source, CancellationToken.None));

        Assert.Contains($"'{source}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WebSources))]
    public async Task The_callers_cancellation_stops_a_pending_request(string source)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await FakeApi.StartAsync(context => FakeApi.NeverAnswer(context, arrived));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable(source, api.BaseUrl, timeoutSeconds: 120));
        using var caller = new CancellationTokenSource();

        var search = Search(services, source, caller.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await caller.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search);
        Assert.Equal(caller.Token, error.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(WebSources))]
    public async Task An_unreachable_host_throws_a_source_error(string source)
    {
        Uri closed;
        await using (var api = await FakeApi.StartAsync(context => FakeApi.Json(context, "{}")))
        {
            closed = api.BaseUrl;
        }

        using var services = ResearchTestHost.Build(ResearchTestHost.Enable(source, closed));

        var error = await Assert.ThrowsAsync<ResearchSourceException>(() => Search(services, source, CancellationToken.None));

        Assert.Contains("could not be read from 127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    private static Task<IReadOnlyList<Shared.Research.ResearchNote>> Search(Microsoft.Extensions.DependencyInjection.ServiceProvider services, string source, CancellationToken cancellationToken) =>
        services.Source(source).SearchAsync(ResearchTestHost.Query("programming", "sql joins"), cancellationToken);
}
