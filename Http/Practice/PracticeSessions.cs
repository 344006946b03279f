using DurableLessons.Http.Requests;
using DurableLessons.Shared.Practice;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Practice;

/// <summary>Finds a practice session's instance: only instances of the PracticeSession orchestration are sessions.</summary>
internal static class PracticeSessions
{
    private const int MaxSessionIdLength = 400;

    public static async Task<OrchestrationMetadata?> FindAsync(DurableTaskClient client, string sessionId, CancellationToken cancellationToken)
    {
        if (sessionId.Length > MaxSessionIdLength || !sessionId.StartsWith("practice~", StringComparison.Ordinal) || sessionId.Any(char.IsControl))
        {
            return null;
        }

        var instance = await client.GetInstanceAsync(sessionId, getInputsAndOutputs: true, cancellationToken);
        return instance is { Name: PracticeNames.PracticeSession } ? instance : null;
    }

    public static IResult NotFound(string sessionId) =>
        RequestProblems.NotFound("No such practice session.", $"There is no practice session '{sessionId}'.");
}
