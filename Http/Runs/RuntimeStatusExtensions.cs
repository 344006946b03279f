using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Runs;

public static class RuntimeStatusExtensions
{
    /// <summary>Completed, Failed and Terminated never change again (as <see cref="OrchestrationMetadata.IsCompleted"/>).</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
