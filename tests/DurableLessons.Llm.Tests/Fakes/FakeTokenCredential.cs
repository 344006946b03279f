using System.Collections.Concurrent;
using Azure.Core;
using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;

namespace DurableLessons.Llm.Tests.Fakes;

/// <summary>Hands out a fixed Entra ID token instead of signing in, and records the scopes asked for.</summary>
internal sealed class FakeTokenCredential(string token) : TokenCredential, IAzureCredentialSource
{
    private readonly ConcurrentQueue<string> scopes = new();
    private readonly ConcurrentQueue<string?> clientIds = new();

    public IReadOnlyList<string> Scopes => scopes.ToArray();

    /// <summary>The <c>ManagedIdentityClientId</c> of each provider a credential was made for.</summary>
    public IReadOnlyList<string?> ClientIds => clientIds.ToArray();

    public TokenCredential CredentialFor(LlmProviderOptions provider)
    {
        clientIds.Enqueue(provider.ManagedIdentityClientId);
        return this;
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            scopes.Enqueue(scope);
        }

        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
