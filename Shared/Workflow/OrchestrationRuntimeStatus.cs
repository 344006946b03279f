namespace DurableLessons.Shared.Workflow;

/// <summary>Runtime statuses, named and numbered as Durable Task's <c>OrchestrationRuntimeStatus</c>.</summary>
public enum OrchestrationRuntimeStatus
{
    Running = 0,
    Completed = 1,
    ContinuedAsNew = 2,
    Failed = 3,
    Canceled = 4,
    Terminated = 5,
    Pending = 6,
    Suspended = 7,
}

public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>Completed, Failed, Terminated (and the obsolete Canceled) never change again.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or
        OrchestrationRuntimeStatus.Failed or
        OrchestrationRuntimeStatus.Terminated or
        OrchestrationRuntimeStatus.Canceled;
}
