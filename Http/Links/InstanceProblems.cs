using DurableLessons.Http.Problems;
using DurableLessons.Http.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Links;

/// <summary>The problem answers about an instance's existence or state, worded once for every route.</summary>
public static class InstanceProblems
{
    public static IResult NotFound(string instanceId) =>
        ProblemResponses.NotFound($"No orchestration instance with id '{instanceId}' was found.");

    public static IResult Gone(string instanceId, OrchestrationRuntimeStatus status, string operation) =>
        ProblemResponses.Gone($"Cannot {operation} instance '{instanceId}': it is {status} and will not change again.");

    public static IResult Conflict(string instanceId, OrchestrationRuntimeStatus status, string operation) =>
        ProblemResponses.Conflict($"Cannot {operation} instance '{instanceId}' while it is {status}.");

    /// <summary>
    /// An operation the client refused (<see cref="InvalidOperationException"/>, as the SDK reports a failed
    /// precondition) because the instance changed after the check before it: answered from its status now.
    /// </summary>
    public static async Task<IResult> StateRefusedAsync(DurableTaskClient client, string instanceId, string operation, CancellationToken cancellationToken)
    {
        var current = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (current is null)
        {
            return NotFound(instanceId);
        }

        return current.RuntimeStatus.IsTerminal()
            ? Gone(instanceId, current.RuntimeStatus, operation)
            : Conflict(instanceId, current.RuntimeStatus, operation);
    }
}
