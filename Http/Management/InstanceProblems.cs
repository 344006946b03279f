using DurableLessons.Http.Problems;
using DurableLessons.Shared.Workflow;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Management;

/// <summary>The problem answers about an instance's existence or state, worded once for every route.</summary>
internal static class InstanceProblems
{
    public static IResult NotFound(string instanceId) =>
        ProblemResponses.NotFound($"No orchestration instance with id '{instanceId}' was found.");

    public static IResult Gone(string instanceId, OrchestrationRuntimeStatus status, string operation) =>
        ProblemResponses.Gone($"Cannot {operation} instance '{instanceId}': it is {status} and will not change again.");

    public static IResult Conflict(string instanceId, OrchestrationRuntimeStatus status, string operation) =>
        ProblemResponses.Conflict($"Cannot {operation} instance '{instanceId}' while it is {status}.");

    /// <summary>An operation the engine refused because of the instance's status (a race with the check before it).</summary>
    public static IResult StateRefused(OrchestrationStateException refused, string operation) =>
        refused.Status.IsTerminal()
            ? Gone(refused.InstanceId, refused.Status, operation)
            : Conflict(refused.InstanceId, refused.Status, operation);
}
