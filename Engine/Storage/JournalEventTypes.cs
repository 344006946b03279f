namespace DurableLessons.Engine.Storage;

/// <summary>
/// Event types of the journal and of inbox messages, named as Durable's history events. Types marked internal are
/// bookkeeping that Durable's status route does not show (see <see cref="IsShownInHistory"/>).
/// </summary>
internal static class JournalEventTypes
{
    // Inbox messages (they become journal rows of the same type when an episode processes them).
    public const string ExecutionStarted = "ExecutionStarted";
    public const string TaskCompleted = "TaskCompleted";
    public const string TaskFailed = "TaskFailed";
    public const string SubOrchestrationInstanceCompleted = "SubOrchestrationInstanceCompleted";
    public const string SubOrchestrationInstanceFailed = "SubOrchestrationInstanceFailed";
    public const string TimerFired = "TimerFired";
    public const string EventRaised = "EventRaised";
    public const string ExecutionTerminated = "ExecutionTerminated";
    public const string ExecutionSuspended = "ExecutionSuspended";
    public const string ExecutionResumed = "ExecutionResumed";
    public const string ExecutionRewound = "ExecutionRewound";

    // Calls the orchestrator made (one per sequence number), checked on replay.
    public const string TaskScheduled = "TaskScheduled";
    public const string SubOrchestrationInstanceCreated = "SubOrchestrationInstanceCreated";
    public const string TimerCreated = "TimerCreated";
    public const string EventSent = "EventSent";
    public const string EventWaitStarted = "EventWaitStarted";

    // Episode and execution boundaries.
    public const string OrchestratorStarted = "OrchestratorStarted";
    public const string ExecutionCompleted = "ExecutionCompleted";
    public const string ContinueAsNew = "ContinueAsNew";

    public static bool IsShownInHistory(string eventType) => eventType is not
        (OrchestratorStarted or TaskScheduled or SubOrchestrationInstanceCreated or EventWaitStarted);

    /// <summary>Control messages are processed even while an instance is suspended.</summary>
    public static bool IsControlMessage(string kind) => kind is ExecutionTerminated or ExecutionSuspended or ExecutionResumed;
}
