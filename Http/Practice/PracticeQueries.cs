using DurableLessons.Http.Auth;
using DurableLessons.Shared.Practice;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Practice;

/// <summary>A practice session as the learner sees it: never the answer key of the task still active.</summary>
public sealed record PracticeSessionView(
    string SessionId,
    PracticeLessonRef? Lesson,
    string State,
    string RuntimeStatus,
    PracticeTaskView? ActiveTask,
    PracticeScore? Score,
    int Turns,
    PracticeReply? LastFeedback,
    IReadOnlyList<PracticeTurn> Transcript,
    PracticeSummary? Summary,
    string? Error);

public sealed class PracticeQueries(IPracticeStore store, LearnerResolver learners)
{
    public async Task<Results<JsonHttpResult<PracticeSessionView>, ProblemHttpResult>> GetAsync(HttpRequest request, DurableTaskClient client, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (learner, denied) = learners.Resolve(request);
        if (learner is null)
        {
            return denied!;
        }

        var session = await PracticeSessions.FindAsync(client, sessionId, learner, cancellationToken);
        if (session is null)
        {
            return PracticeSessions.NotFound(sessionId);
        }

        var status = session.ReadCustomStatusAs<PracticeStatus>();
        var summary = session.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? session.ReadOutputAs<PracticeSummary>() : null;
        var transcript = await store.GetTranscriptAsync(sessionId, cancellationToken);
        var state = session.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Failed => "failed",
            OrchestrationRuntimeStatus.Terminated => "terminated",
            _ => summary?.State ?? status?.State ?? "starting",
        };
        return TypedResults.Json(new PracticeSessionView(
            sessionId,
            status?.Lesson ?? summary?.Lesson,
            state,
            session.RuntimeStatus.ToString(),
            session.IsCompleted ? null : status?.ActiveTask,
            summary?.Score ?? status?.Score,
            status?.Turns ?? transcript.Count,
            status?.LastFeedback,
            transcript,
            summary,
            session.FailureDetails?.ErrorMessage), PracticeViewJson.Options);
    }
}
