using DurableLessons.Http.Auth;
using DurableLessons.Http.Problems;
using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Runs;

/// <summary>
/// Administration routes need the system key (as the webhooks do), or a signed-in caller with the administrators' app
/// role; checked in the handlers so that both hosts enforce it. A function key never opens them, and neither does a
/// learner's token: a signed-in caller is judged by its role alone (403 without it).
/// </summary>
public sealed class AdminAccess(SystemKeyVerifier verifier, AdminRole adminRole, LearnerResolver learners)
{
    /// <summary>
    /// The run listing (<c>GET /api/runs</c>) names every learner's practice sessions: with sign-in on it is an
    /// administration route; without, it stays open as before.
    /// </summary>
    public IResult? DenyListing(HttpRequest request) => learners.IsEnabled ? Deny(request) : null;

    public IResult? Deny(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.HttpContext.User;
        if (LearnerIdentity.IsSignedIn(user))
        {
            return adminRole.IsHeldBy(user)
                ? null
                : ProblemResponses.Forbidden("Administration routes need the administrators' app role, which this sign-in does not have.");
        }

        return verifier.IsAuthorized(request)
            ? null
            : ProblemResponses.Unauthorized(
                $"Administration routes require the system key, passed as the '{SystemKeyVerifier.QueryParameter}' query parameter or the '{SystemKeyVerifier.HeaderName}' header, or an administrator's bearer token.");
    }
}
