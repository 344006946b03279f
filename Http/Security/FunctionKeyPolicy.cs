using DurableLessons.Http.Auth;
using DurableLessons.Http.Problems;
using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Security;

/// <summary>
/// The <c>Security:FunctionKey</c> rule, shared by the embedded host's ASP.NET Core middleware and the Functions
/// host's worker middleware: with a function key set, <c>/api/*</c> needs the function key (or the system key);
/// <c>/api/admin/*</c> is left to its handlers, which accept only the system key. A public status link's signature
/// stands in for the function key on the read routes of its own run only (<see cref="SignedRunReadAuthorizer"/>), and
/// so does a learner's valid bearer token (checked before, by <see cref="LearnerAuthenticator"/>). The page's sign-in
/// settings (<see cref="AuthConfigEndpoint"/>) are public.
/// </summary>
public sealed class FunctionKeyPolicy(FunctionKeyVerifier verifier, SignedRunReadAuthorizer signedReads, ILogger<FunctionKeyPolicy> logger)
{
    public bool Admits(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        return !verifier.IsRequired
            || !path.StartsWithSegments("/api")
            || path.StartsWithSegments("/api/admin")
            || path.Equals(AuthConfigEndpoint.Path, StringComparison.OrdinalIgnoreCase)
            || verifier.IsAuthorized(request)
            || LearnerIdentity.IsSignedIn(request.HttpContext.User)
            || signedReads.IsAuthorized(request);
    }

    /// <summary>Logs the rejection (never the presented key) and answers 401 problem+json.</summary>
    public Task RejectAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        logger.LogWarning("Rejected {Method} {Path} from {RemoteAddress}: missing or wrong function key",
            context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress);
        return ProblemResponses.Unauthorized(
            $"This route requires the function key, passed as the '{SystemKeyVerifier.QueryParameter}' query parameter or the '{SystemKeyVerifier.HeaderName}' header.")
            .ExecuteAsync(context);
    }
}
