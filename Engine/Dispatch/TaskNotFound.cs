using Microsoft.DurableTask;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// The failure of a call to a task nobody registered, worded as the Durable Task SDK's worker words it, so that
/// orchestrator code that inspects <see cref="TaskFailureDetails"/> sees the same on every engine.
/// </summary>
internal static class TaskNotFound
{
    public static TaskFailureDetails Activity(string name) =>
        new("ActivityTaskNotFound", $"No activity task named '{name}' was found.", null, null, null);

    public static TaskFailureDetails Orchestrator(string name) =>
        new("OrchestratorTaskNotFound", $"No orchestrator task named '{name}' was found.", null, null, null);
}
