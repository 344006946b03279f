using DurableLessons.Http.Auth;
using DurableLessons.Http.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DurableLessons.Http.Practice;

/// <summary>
/// Keeps the generic run routes (<c>/api/runs/{id}/events</c>) from showing a practice session's status to anyone but
/// its learner when sign-in is on: the same 401 or 404 as <c>/api/practice/{id}</c>.
/// </summary>
public sealed class PracticeRunAccess(LearnerResolver learners)
{
    public ProblemHttpResult? Deny(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!learners.IsEnabled || PracticeSessions.OwnerOf(instanceId) is not { } owner)
        {
            return null;
        }

        var (learner, denied) = learners.Resolve(request);
        if (learner is null)
        {
            return denied;
        }

        return learner.Owns(owner) ? null : RequestProblems.NotFound("No such run.", $"There is no run with id '{instanceId}'.");
    }
}
