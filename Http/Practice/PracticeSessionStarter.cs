using System.Text.RegularExpressions;
using DurableLessons.Http.Lessons;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Runs;
using DurableLessons.Http.StatusLinks;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Practice;

/// <summary>
/// Starts a practice session on a lesson version (the latest by default), at most one active per learner and version:
/// a second start answers the running session. 404 when the lesson or the version does not exist.
/// </summary>
public sealed partial class PracticeSessionStarter(ILessonStore lessons, RunStarter runs, StarterLinks links, PracticeOptions options)
{
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, string subject, string topic, string? level, string? version, string? learnerId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (key, problem) = LessonQueries.ParseKey(subject, topic, level);
        if (key is null)
        {
            return problem!;
        }

        if (version is not null && !LessonQueries.VersionPattern().IsMatch(version))
        {
            return RequestProblems.Invalid("version", "A version looks like '1.0' or '1.12'.");
        }

        if (learnerId is not null && !LearnerIdPattern().IsMatch(learnerId))
        {
            return RequestProblems.Invalid("learnerId", "A learner id is 1 to 64 letters, digits, '-' or '_'.");
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

        var learner = learnerId ?? PracticeNames.AnonymousLearner;
        var sessionId = PracticeNames.SessionId(learner, key, lesson.Version);
        var input = new PracticeSessionInput(
            key.Subject, key.Topic, key.Level, lesson.Version, learner, options.IdleTimeoutSeconds, options.MaxAttempts, options.TurnsPerExecution);
        await runs.StartOrJoinAsync(client, PracticeNames.PracticeSession, sessionId, input, cancellationToken);
        var payload = links.Create(request, sessionId);
        return new PracticeStartedResult(new PracticeStarted(payload, PracticeRoutes.SessionUrl(request, sessionId)));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex LearnerIdPattern();
}
