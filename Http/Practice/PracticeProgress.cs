using DurableLessons.Http.Auth;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Practice;

/// <summary>My practice on one lesson (subject, topic, level), over every version practised.</summary>
public sealed record LessonProgress(
    string Subject,
    string Topic,
    LessonLevel Level,
    int CompletedSessions,
    int EndedSessions,
    PracticeScore? LastScore,
    PracticeScore? BestScore,
    DateTimeOffset LastActivity,
    string? ActiveSessionUrl);

public sealed record MyProgress(string LearnerId, int CompletedPractice, DateTimeOffset? LastActivity, IReadOnlyList<LessonProgress> Lessons);

/// <summary>
/// <c>GET /api/me/progress</c>: the learner's practice by lesson, from the summaries of ended sessions (kept after
/// their runs are purged) and the sessions still open; most recent activity first.
/// </summary>
public sealed class PracticeProgress(IPracticeStore store, LearnerResolver learners)
{
    public async Task<Results<JsonHttpResult<MyProgress>, ProblemHttpResult>> GetAsync(HttpRequest request, DurableTaskClient client, string? learnerId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (learner, denied) = learners.Resolve(request, learnerId);
        if (learner is null)
        {
            return denied!;
        }

        var prefix = PracticeSessions.LearnerPrefix(learner.Key);
        var ended = await store.ListSummariesAsync(prefix, cancellationToken);
        var open = new List<(PracticeStatus Status, string SessionId, DateTimeOffset At)>();
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended],
            FetchInputsAndOutputs = true,
        };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.Name == PracticeNames.PracticeSession && instance.ReadCustomStatusAs<PracticeStatus>() is { } status)
            {
                open.Add((status, instance.InstanceId, instance.LastUpdatedAt));
            }
        }

        var lessons = ended.Select(summary => summary.Lesson.Key)
            .Concat(open.Select(session => session.Status.Lesson.Key))
            .Distinct()
            .Select(key =>
            {
                var summaries = ended.Where(summary => summary.Lesson.Key == key).OrderBy(summary => summary.EndedAt).ToList();
                var active = open.Where(session => session.Status.Lesson.Key == key).OrderByDescending(session => session.At).FirstOrDefault();
                var last = summaries.LastOrDefault();
                var lastActivity = new[] { last?.EndedAt, active.SessionId is null ? null : active.At }.Max() ?? DateTimeOffset.MinValue;
                return new LessonProgress(
                    key.Subject,
                    key.Topic,
                    key.Level,
                    summaries.Count(summary => summary.State == PracticeStates.Completed),
                    summaries.Count,
                    active.SessionId is null ? last?.Score : active.Status.Score,
                    summaries.Select(summary => summary.Score).OrderByDescending(score => score.Correct).FirstOrDefault(),
                    lastActivity,
                    active.SessionId is null ? null : PracticeRoutes.SessionUrl(request, active.SessionId));
            })
            .OrderByDescending(lesson => lesson.LastActivity)
            .ToList();
        return TypedResults.Json(
            new MyProgress(learner.Key, lessons.Sum(lesson => lesson.CompletedSessions), lessons.FirstOrDefault()?.LastActivity, lessons),
            PracticeViewJson.Options);
    }
}
