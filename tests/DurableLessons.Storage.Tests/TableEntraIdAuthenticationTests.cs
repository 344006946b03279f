using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Storage.TableStore;
using DurableLessons.Storage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Storage.Tests;

/// <summary>
/// <c>Storage:Table:Endpoint</c> (Entra ID) against Azurite in OAuth mode over https: the store sends the credential's
/// bearer token for the storage scope, and a token for another audience is refused with an error naming the setting.
/// </summary>
public sealed class TableEntraIdAuthenticationTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly LessonKey Key = new("Biology", "Cells", LessonLevel.Intermediate);

    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 certificate = LoopbackCertificate.Create();
    private AzuriteServer azurite = null!;

    public async Task InitializeAsync() => azurite = await AzuriteServer.StartAsync(new AzuriteOptions { OAuthCertificate = certificate });

    public async Task DisposeAsync()
    {
        await azurite.DisposeAsync();
        certificate.Dispose();
    }

    [Fact]
    public async Task The_store_sends_the_credentials_bearer_token_for_the_storage_scope()
    {
        var credential = new FakeEntraCredential(FakeEntraCredential.StorageAudience);
        var authorizations = new ConcurrentQueue<string>();
        await using var services = Services(credential, authorizations);
        var store = services.GetRequiredService<ILessonStore>();

        var saved = await store.SaveNewVersionAsync(Key, "entra-run", SampleLessons.Document("Cells"), None);
        var read = await store.GetLatestAsync(Key, None);

        Assert.Equal(("1.0", "Cells"), (saved.Version, read?.Document.Title));
        Assert.NotEmpty(authorizations);
        Assert.All(authorizations, authorization => Assert.Equal($"Bearer {credential.Token}", authorization));
        Assert.NotEmpty(credential.RequestedScopes);
        Assert.All(credential.RequestedScopes, scopes => Assert.Equal(["https://storage.azure.com/.default"], scopes));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_with_an_error_naming_the_endpoint_setting()
    {
        var credential = new FakeEntraCredential("https://vault.azure.net");
        var authorizations = new ConcurrentQueue<string>();
        await using var services = Services(credential, authorizations);

        var error = await Assert.ThrowsAsync<TableStorageRefusedException>(
            () => services.GetRequiredService<ILessonStore>().SaveNewVersionAsync(Key, "entra-run", SampleLessons.Document("Cells"), None));

        Assert.Equal(403, error.Status);
        Assert.Contains("403 AuthenticationFailed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Table:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Equal($"Bearer {credential.Token}", Assert.Single(authorizations));
    }

    private ServiceProvider Services(FakeEntraCredential credential, ConcurrentQueue<string> authorizations) => StoreContractTests.BuildServices(
        new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Table",
            ["Storage:Table:Endpoint"] = azurite.TableEndpoint.ToString(),
            ["Storage:Table:TablePrefix"] = $"e{Guid.NewGuid():N}"[..20],
        },
        TimeProvider.System,
        services =>
        {
            var options = TrustingTableClientOptions.For(certificate);
            options.AddPolicy(new AuthorizationRecorder(authorizations), HttpPipelinePosition.BeforeTransport);
            services.Replace(ServiceDescriptor.Singleton(options));
            services.Replace(ServiceDescriptor.Singleton<TokenCredential>(credential));
        });

    /// <summary>Notes the Authorization header of every request as it leaves for the wire.</summary>
    private sealed class AuthorizationRecorder(ConcurrentQueue<string> authorizations) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            authorizations.Enqueue(message.Request.Headers.TryGetValue("Authorization", out var value) ? value : "(none)");
    }
}
