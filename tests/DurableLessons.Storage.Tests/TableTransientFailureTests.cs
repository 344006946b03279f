using Azure.Core;
using DurableLessons.Storage.Tables;
using DurableLessons.Storage.Tests.Infrastructure;

namespace DurableLessons.Storage.Tests;

/// <summary>Server-busy answers are retried by the pipeline (re-authenticated each time) and surface only when retries run out.</summary>
public sealed class TableTransientFailureTests
{
    [Fact]
    public async Task Transient_server_errors_are_retried_until_the_request_succeeds()
    {
        await using var server = await RecordingHttpsServer.StartAsync(transientFailures: 2);
        var table = new TableServiceClient(server.Endpoint, new StaticToken(), server.ClientOptions(maxRetries: 3)).GetTableClient("Lessons");

        Assert.True(await table.CreateIfNotExistsAsync(CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.Equal("Bearer token", request.Headers["Authorization"]));
    }

    [Fact]
    public async Task Persistent_server_errors_surface_after_the_retries()
    {
        await using var server = await RecordingHttpsServer.StartAsync(transientFailures: 100);
        var table = new TableServiceClient(server.Endpoint, new StaticToken(), server.ClientOptions(maxRetries: 2)).GetTableClient("Lessons");

        var error = await Assert.ThrowsAsync<TableStorageException>(() => table.CreateIfNotExistsAsync(CancellationToken.None));

        Assert.Equal((503, "ServerBusy"), (error.Status, error.ErrorCode));
        Assert.Equal(3, server.Requests.Count);
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
