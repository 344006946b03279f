using DurableLessons.Http.Auth;
using DurableLessons.Http.Lessons;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Application.Practice;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Practice;

/// <summary>
/// POST practice: starts (through <see cref="PracticeSessionStarter"/>) a practice session on a lesson version (the latest by default), at most one active per learner and version:
/// a second start answers the running session. 404 when the lesson or the version does not exist. The learner is the
/// signed-in one when sign-in is on (<see cref="LearnerResolver"/>), else the <c>learnerId</c> given, else anonymous.
/// </summary>
public sealed class PracticeStartHandler(ILessonStore lessons, PracticeSessionStarter sessions, StarterLinks links, LearnerResolver learners)
{
    public async Task<Results<PracticeStartedResult, ProblemHttpResult>> StartAsync(HttpRequest request, DurableTaskClient client, string subject, string topic, string? level, string? version, string? learnerId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (learner, denied) = learners.Resolve(request, learnerId);
        if (learner is null)
        {
            return denied!;
        }

        var (key, problem) = LessonQueries.ParseKey(subject, topic, level);
        if (key is null)
        {
            return problem!;
        }

        if (version is not null && !LessonQueries.VersionPattern().IsMatch(version))
        {
            return RequestProblems.Invalid("version", "A version looks like '1.0' or '1.12'.");
        }

        var lesson = version is null
            ? await lessons.GetLatestAsync(key, cancellationToken)
            : await lessons.GetVersionAsync(key, version, cancellationToken);
        if (lesson is null)
        {
            return RequestProblems.NotFound(
                version is null ? "No such lesson." : "No such version.",
                version is null ? $"There is no lesson for {key} yet; POST /api/lessons to generate one." : $"{key} has no version {version}.");
        }

        var session = await sessions.StartOrJoinAsync(client, learner.Key, key, lesson.Version, cancellationToken);
        var payload = links.Create(request, session.InstanceId);
        return new PracticeStartedResult(new PracticeStarted(payload, PracticeRoutes.SessionUrl(request, session.InstanceId)));
    }
}
