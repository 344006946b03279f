using Azure;
using Azure.Core;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Storage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Storage.Tests;

/// <summary>
/// Server-busy answers are retried by the host's Table client (4 retries, re-authenticated each time) and surface as the
/// service's error only when those run out, for the workflow's storage retry policy to take over.
/// </summary>
public sealed class TableTransientFailureTests
{
    private static readonly LessonKey Key = new("Geology", "Rocks", LessonLevel.Beginner);

    [Fact]
    public async Task Transient_server_errors_are_retried_until_the_request_succeeds()
    {
        await using var server = await RecordingHttpsServer.StartAsync(transientFailures: 2);
        await using var services = Services(server);

        Assert.Null(await services.GetRequiredService<ILessonStore>().GetLatestAsync(Key, CancellationToken.None));

        Assert.Equal(["POST", "POST", "POST", "GET"], server.Requests.Select(request => request.Method));
        Assert.All(server.Requests, request => Assert.Equal("Bearer token", request.Headers["Authorization"]));
    }

    [Fact]
    public async Task Persistent_server_errors_surface_after_four_retries()
    {
        await using var server = await RecordingHttpsServer.StartAsync(transientFailures: 100);
        await using var services = Services(server);

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => services.GetRequiredService<ILessonStore>().GetLatestAsync(Key, CancellationToken.None));

        Assert.Equal((503, "ServerBusy"), (error.Status, error.ErrorCode));
        Assert.Equal(5, server.Requests.Count);
    }

    private static ServiceProvider Services(RecordingHttpsServer server) => StoreContractTests.BuildServices(
        new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Table",
            ["Storage:Table:Endpoint"] = server.Endpoint.ToString(),
        },
        TimeProvider.System,
        services =>
        {
            services.Replace(ServiceDescriptor.Singleton(TrustingTableClientOptions.For(server.Certificate)));
            services.Replace(ServiceDescriptor.Singleton<TokenCredential>(new StaticToken()));
        });

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
