using System.Collections.Concurrent;
using Azure.Core;
using DurableLessons.Storage.Tables;
using DurableLessons.Storage.Tests.Infrastructure;

namespace DurableLessons.Storage.Tests;

public sealed class TableEntraIdAuthenticationTests
{
    [Fact]
    public async Task Requests_carry_a_bearer_token_for_the_storage_scope_and_the_service_version()
    {
        await using var server = await RecordingHttpsServer.StartAsync();
        var credential = new FakeTokenCredential("fake-entra-token");
        var service = new TableServiceClient(server.Endpoint, credential, server.ClientOptions(maxRetries: 0));
        var table = service.GetTableClient("Lessons");

        Assert.True(await table.CreateIfNotExistsAsync(CancellationToken.None));
        Assert.Null(await table.GetEntityAsync("p", "r", select: null, CancellationToken.None));

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, request =>
        {
            Assert.Equal("Bearer fake-entra-token", request.Headers["Authorization"]);
            Assert.Equal("2019-02-02", request.Headers["x-ms-version"]);
            Assert.True(request.Headers.ContainsKey("x-ms-date"));
        });
        Assert.Equal(["POST /Tables", "GET /Lessons(PartitionKey='p',RowKey='r')"], server.Requests.Select(request => $"{request.Method} {request.PathAndQuery}"));
        Assert.NotEmpty(credential.RequestedScopes);
        Assert.All(credential.RequestedScopes, scopes => Assert.Equal(["https://storage.azure.com/.default"], scopes));
    }

    [Fact]
    public void Bearer_tokens_are_only_sent_over_https()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new TableServiceClient(new Uri("http://127.0.0.1:10002/devstoreaccount1"), new FakeTokenCredential("token")));

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    private sealed class FakeTokenCredential(string token) : TokenCredential
    {
        public ConcurrentQueue<string[]> RequestedScopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            RequestedScopes.Enqueue(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
