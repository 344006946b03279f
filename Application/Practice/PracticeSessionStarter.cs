using DurableLessons.Application.Runs;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableLessons.Application.Practice;

/// <summary>
/// Starts a PracticeSession of a learner on one lesson version with the <c>Practice</c> settings, at most one active
/// per learner and version: a second start joins the running session.
/// </summary>
public sealed class PracticeSessionStarter(RunStarter runs, IOptions<PracticeOptions> options)
{
    public async Task<RunStart> StartOrJoinAsync(DurableTaskClient client, string learnerKey, LessonKey key, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var settings = options.Value;
        var sessionId = PracticeNames.SessionId(learnerKey, key, version);
        var input = new PracticeSessionInput(
            key.Subject, key.Topic, key.Level, version, learnerKey, settings.IdleTimeoutSeconds, settings.MaxAttempts, settings.TurnsPerExecution);
        var started = await runs.StartOrJoinAsync(client, PracticeNames.PracticeSession, sessionId, input, cancellationToken);
        return new RunStart(sessionId, started);
    }
}
