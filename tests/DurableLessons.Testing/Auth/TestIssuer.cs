using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DurableLessons.Testing.Auth;

/// <summary>
/// A real OpenID Connect issuer on 127.0.0.1 and a free port: a discovery document, a JWKS with its own RSA key, tokens
/// signed with it, and the authorization-code + PKCE flow (<c>/authorize</c> signs in <see cref="NextSignIn"/> at once,
/// <c>/token</c> checks the verifier). Hosts under test validate its tokens as they would Entra ID's.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string KeyId = "test-issuer-key";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private LoopbackServer _server = null!;
    private bool _stopped;

    private TestIssuer()
    {
    }

    /// <summary>The issuer URL (<c>iss</c> and <c>Auth:Authority</c>), without a trailing slash.</summary>
    public string Authority => _server.BaseUrl;

    /// <summary>Who <c>/authorize</c> signs in, and with which audience and roles.</summary>
    public TestSignIn NextSignIn { get; set; } = new("learner-a", "Learner A", "api://durable-lessons", []);

    /// <summary>The host settings that validate this issuer's tokens for <paramref name="audience"/>.</summary>
    public Dictionary<string, string> HostSettings(string audience) => new()
    {
        ["Auth:Authority"] = Authority,
        ["Auth:Audience"] = audience,
        ["Auth:RequireHttpsMetadata"] = "false",
    };

    public static async Task<TestIssuer> StartAsync()
    {
        var issuer = new TestIssuer();
        issuer._server = await LoopbackServer.StartAsync(issuer.Map);
        return issuer;
    }

    /// <summary>A token signed with the issuer's key; every part can be overridden to make a bad one.</summary>
    public string CreateToken(
        string subject,
        string audience,
        string? objectId = null,
        IReadOnlyList<string>? roles = null,
        string? issuer = null,
        DateTime? expires = null,
        DateTime? notBefore = null,
        RSA? signWith = null,
        string? name = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = name ?? subject };
        if (objectId is not null)
        {
            claims["oid"] = objectId;
        }

        if (roles is { Count: > 0 })
        {
            claims["roles"] = roles.ToArray();
        }

        var key = new RsaSecurityKey(signWith ?? _rsa) { KeyId = KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            Claims = claims,
            IssuedAt = (notBefore ?? now).AddSeconds(-1),
            NotBefore = notBefore ?? now.AddSeconds(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that is otherwise valid.</summary>
    public string CreateUnsignedToken(string subject, string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Authority, ["aud"] = audience, ["sub"] = subject, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600,
        }));
        return $"{header}.{payload}.";
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // The page under test calls /token from another origin.
            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Headers.AccessControlAllowHeaders = "*";
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            await next(context);
        });
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = $"{Authority}/keys",
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/keys", () =>
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });
        app.MapGet("/authorize", (HttpRequest request) => Authorize(request));
        app.MapPost("/token", async (HttpRequest request) => await IssueAsync(request));
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        string? redirect = query["redirect_uri"];
        string? challenge = query["code_challenge"];
        if (query["response_type"] != "code" || string.IsNullOrEmpty(redirect) || string.IsNullOrEmpty(challenge) || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest(new { error = "invalid_request", error_description = "response_type=code, redirect_uri and an S256 code_challenge are required" });
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new PendingCode(redirect, challenge, query["client_id"].ToString(), NextSignIn);
        var separator = redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{redirect}{separator}code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<IResult> IssueAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending))
        {
            return Results.BadRequest(new { error = "invalid_grant" });
        }

        var verifier = form["code_verifier"].ToString();
        var expected = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (form["redirect_uri"] != pending.RedirectUri || !string.Equals(expected, pending.Challenge, StringComparison.Ordinal))
        {
            return Results.BadRequest(new { error = "invalid_grant", error_description = "redirect_uri or code_verifier does not match" });
        }

        var signIn = pending.SignIn;
        var accessToken = CreateToken(signIn.Subject, signIn.Audience, roles: signIn.Roles, name: signIn.Name);
        var idToken = CreateToken(signIn.Subject, string.IsNullOrEmpty(pending.ClientId) ? signIn.Audience : pending.ClientId, name: signIn.Name);
        return Results.Json(new { access_token = accessToken, id_token = idToken, token_type = "Bearer", expires_in = 3600 });
    }

    /// <summary>Stops the issuer (a test may do so early, to see hosts cope with an issuer that is gone); idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _server.DisposeAsync();
        _rsa.Dispose();
    }

    private sealed record PendingCode(string RedirectUri, string Challenge, string ClientId, TestSignIn SignIn);
}

/// <summary>Whom the issuer's <c>/authorize</c> signs in.</summary>
public sealed record TestSignIn(string Subject, string Name, string Audience, IReadOnlyList<string> Roles);
