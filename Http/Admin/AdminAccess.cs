using DurableLessons.Http.Problems;
using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Admin;

/// <summary>
/// Administration routes need the system key (as the webhooks do), checked in the handlers so that both hosts enforce
/// it; a function key never opens them.
/// </summary>
public sealed class AdminAccess(SystemKeyVerifier verifier)
{
    public IResult? Deny(HttpRequest request) => verifier.IsAuthorized(request)
        ? null
        : ProblemResponses.Unauthorized(
            $"Administration routes require the system key, passed as the '{SystemKeyVerifier.QueryParameter}' query parameter or the '{SystemKeyVerifier.HeaderName}' header.");
}
