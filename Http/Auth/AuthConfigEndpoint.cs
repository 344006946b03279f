using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

    public static Ok<AuthConfig> Get(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var auth = options.Value;
        return auth.IsEnabled
            ? TypedResults.Ok(new AuthConfig(true, auth.Authority!.TrimEnd('/'), string.IsNullOrWhiteSpace(auth.ClientId) ? auth.Audience : auth.ClientId, auth.Scopes, auth.Audience))
            : TypedResults.Ok(new AuthConfig(false, null, null, null, null));
    }

    public static RouteGroupBuilder MapAuthConfigEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Sign-in");
        api.MapGet(Route, Get).WithName("GetAuthConfig");
        return api;
    }
}
