using DurableLessons.Http.Auth;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Practice;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Practice;

/// <summary>
/// Finds a practice session's instance: only instances of the PracticeSession orchestration are sessions, and a
/// signed-in learner finds only their own (another learner's is "not found", so ids do not leak).
/// </summary>
internal static class PracticeSessions
{
    private const int MaxSessionIdLength = 400;
    private const string Prefix = "practice~";

    /// <summary>The instance id prefix of every session of one learner (<see cref="PracticeNames.SessionId"/>).</summary>
    public static string LearnerPrefix(string learnerKey) => $"{Prefix}{learnerKey}~";

    /// <summary>The learner key in a session id, or null when the id is not a session's.</summary>
    public static string? OwnerOf(string instanceId) =>
        // Learner keys hold no '~': the session id's first segment after the prefix is its learner.
        instanceId is not null && instanceId.StartsWith(Prefix, StringComparison.Ordinal) ? instanceId[Prefix.Length..].Split('~')[0] : null;

    public static async Task<OrchestrationMetadata?> FindAsync(DurableTaskClient client, string sessionId, Learner learner, CancellationToken cancellationToken)
    {
        if (sessionId.Length > MaxSessionIdLength || !sessionId.StartsWith(Prefix, StringComparison.Ordinal) || sessionId.Any(char.IsControl))
        {
            return null;
        }

        if (OwnerOf(sessionId) is not { } owner || !learner.Owns(owner))
        {
            return null;
        }

        var instance = await client.GetInstanceAsync(sessionId, getInputsAndOutputs: true, cancellationToken);
        return instance is { Name: PracticeNames.PracticeSession } ? instance : null;
    }

    public static ProblemHttpResult NotFound(string sessionId) =>
        RequestProblems.NotFound("No such practice session.", $"There is no practice session '{sessionId}'.");
}
