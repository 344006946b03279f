using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Auth;

/// <summary>What the page needs to sign a learner in: public values only (a public client has no secret).</summary>
public sealed record AuthConfig(bool Enabled, string? Authority, string? ClientId, string? Scopes, string? Audience);

/// <summary><c>GET /api/auth/config</c>, open without a key: the page reads it before anyone can have signed in.</summary>
public static class AuthConfigEndpoint
{
    public const string Route = "auth/config";
    public const string Path = "/api/" + Route;

    public static IResult Get(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var auth = options.Value;
        return auth.IsEnabled
            ? Results.Ok(new AuthConfig(true, auth.Authority!.TrimEnd('/'), string.IsNullOrWhiteSpace(auth.ClientId) ? auth.Audience : auth.ClientId, auth.Scopes, auth.Audience))
            : Results.Ok(new AuthConfig(false, null, null, null, null));
    }

    public static IEndpointRouteBuilder MapAuthConfigEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api").WithTags("Sign-in")
            .MapGet(Route, (IOptions<AuthOptions> options) => Get(options))
            .WithName("GetAuthConfig")
            .Produces<AuthConfig>();
        return endpoints;
    }
}
