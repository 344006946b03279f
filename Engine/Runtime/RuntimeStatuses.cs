using Microsoft.DurableTask.Client;

namespace DurableLessons.Engine.Runtime;

/// <summary>The engine's use of the SDK's <see cref="OrchestrationRuntimeStatus"/> (stored as its numeric value).</summary>
internal static class RuntimeStatuses
{
    /// <summary>The SDK marks it obsolete for clients; the engine still reports an execution that continued as new.</summary>
    public const OrchestrationRuntimeStatus ContinuedAsNew = (OrchestrationRuntimeStatus)2;

    /// <summary>Completed, Failed, Terminated (and the obsolete Canceled) never change again.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or
        OrchestrationRuntimeStatus.Failed or
        OrchestrationRuntimeStatus.Terminated or
        (OrchestrationRuntimeStatus)4;
}
