using DurableLessons.Http.Problems;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Security;
using DurableLessons.Shared.Practice;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Auth;

/// <summary>
/// Decides whom a learner route acts for. With sign-in on: the token's learner, or (service to service) the learner a
/// system-key caller names; anyone else is answered 401. With sign-in off: the <c>learnerId</c> given, else anonymous.
/// </summary>
public sealed class LearnerResolver(IOptions<AuthOptions> options, SystemKeyVerifier systemKey)
{
    public bool IsEnabled => options.Value.IsEnabled;

    public (Learner? Learner, ProblemHttpResult? Problem) Resolve(HttpRequest request, string? learnerId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (LearnerIdentity.IdOf(request.HttpContext.User) is { } signedIn && request.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            return (new Learner(LearnerIdentity.KeyOf(signedIn), IsSignedIn: true), null);
        }

        if (IsEnabled && !(systemKey.IsRequired && systemKey.IsAuthorized(request)))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, ProblemResponses.Unauthorized("Sign in: this route needs a learner's bearer token (Authorization: Bearer <token>)."));
        }

        if (learnerId is not null && !LearnerIdentity.IsWellFormedKey(learnerId))
        {
            return (null, RequestProblems.Invalid("learnerId", "A learner id is 1 to 64 letters, digits, '-' or '_'."));
        }

        return (new Learner(learnerId ?? PracticeNames.AnonymousLearner, IsSignedIn: false), null);
    }
}
