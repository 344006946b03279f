using DurableLessons.Http.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DurableLessons.Http.Auth;

/// <summary>
/// Checks the bearer token of an <c>/api</c> request when sign-in is on, for the embedded host's middleware and the
/// Functions worker's alike: a valid token becomes <see cref="HttpContext.User"/>; a bad one is answered 401
/// problem+json saying what is wrong with it, never echoing it. A request without a token goes on anonymous (the
/// routes that need a learner refuse it themselves).
/// </summary>
public sealed class LearnerAuthenticator(
    IOptions<AuthOptions> options,
    IOptionsMonitor<JwtBearerOptions> jwtOptions,
    AppServicePrincipalReader appService,
    ILogger<LearnerAuthenticator> logger)
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public bool IsEnabled => options.Value.IsEnabled;

    /// <summary>Null when the request may go on (anonymous, or signed in); else the answer to give it.</summary>
    /// <summary>Whether <see cref="AuthenticateAsync"/> has anything to check on this request (sign-in on, an /api route).</summary>
    public bool Checks(HttpRequest request) => IsEnabled && request.Path.StartsWithSegments("/api");

    public async Task<IResult?> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Checks(context.Request))
        {
            return null;
        }

        string? authorization = context.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
        {
            if (appService.Read(context.Request) is { } principal)
            {
                context.User = principal;
            }

            return null;
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= "Bearer ".Length)
        {
            return Reject(context, "The Authorization header must be 'Bearer <token>'.");
        }

        var result = await context.AuthenticateAsync(Scheme);
        if (result.Succeeded)
        {
            if (LearnerIdentity.IdOf(result.Principal) is null)
            {
                return Reject(context, "The bearer token names no learner: it has neither an 'oid' nor a 'sub' claim.");
            }

            context.User = result.Principal;
            return null;
        }

        // Without the issuer's discovery document every token fails (as "another issuer"): not the caller's fault.
        if (await AuthorityUnreachableAsync(context.RequestAborted) is { } unreachable)
        {
            logger.LogError(unreachable, "Could not check a bearer token: the discovery document of {Authority} could not be read", options.Value.Authority);
            context.Response.Headers.RetryAfter = "10";
            return ProblemResponses.ServiceUnavailable("The sign-in authority's keys could not be read; try again shortly.");
        }

        return Reject(context, Describe(result.Failure));
    }

    private async Task<Exception?> AuthorityUnreachableAsync(CancellationToken cancellationToken)
    {
        // The handler's own configuration manager: cached, so this reads the authority only when it has nothing yet.
        if (jwtOptions.Get(Scheme).ConfigurationManager is not { } configuration)
        {
            return null;
        }

        try
        {
            await configuration.GetConfigurationAsync(cancellationToken);
            return null;
        }
        catch (InvalidOperationException unreachable)
        {
            return unreachable;
        }
    }

    private ProblemHttpResult Reject(HttpContext context, string reason)
    {
        logger.LogWarning("Rejected {Method} {Path} from {RemoteAddress}: {Reason}",
            context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress, reason);
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return ProblemResponses.Unauthorized(reason);
    }

    // Said in our words: the library's messages may quote parts of the token.
    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The bearer token has expired; sign in again.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The bearer token was issued for another audience.",
        SecurityTokenInvalidIssuerException => "The bearer token was issued by another authority.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException =>
            "The bearer token's signature does not verify against the authority's keys.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JWT.",
        _ => "The bearer token is not valid.",
    };
}
