using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace DurableLessons.Testing.Azurite;

/// <summary>
/// Stands in for DefaultAzureCredential: hands out an unsigned JWT shaped like an Entra ID access token (issuer,
/// audience, lifetime), which is what Azurite's basic OAuth mode checks, and records the scopes it was asked for.
/// </summary>
public sealed class FakeEntraCredential(string audience) : TokenCredential
{
    public const string StorageAudience = "https://storage.azure.com";

    public string Token { get; } = CreateToken(audience);

    public ConcurrentQueue<string[]> RequestedScopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Enqueue(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string CreateToken(string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { alg = "none", typ = "JWT" };
        var claims = new
        {
            aud = audience,
            iss = "https://sts.windows.net/00000000-0000-0000-0000-000000000001/",
            iat = now - 60,
            nbf = now - 60,
            exp = now + 3600,
            oid = "00000000-0000-0000-0000-000000000002",
        };
        return $"{Base64Url(header)}.{Base64Url(claims)}.";
    }

    private static string Base64Url(object value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
