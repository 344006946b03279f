using DurableLessons.Engine.Storage;

namespace DurableLessons.Engine.Runtime;

/// <summary>The kinds of durable call an orchestrator makes; each gets the next sequence number (task id).</summary>
internal enum DurableCallKind
{
    Activity,
    SubOrchestration,
    Timer,
    ExternalEventWait,
    SendEvent,
}

internal static class DurableCallKinds
{
    public static string JournalEventType(this DurableCallKind kind) => kind switch
    {
        DurableCallKind.Activity => JournalEventTypes.TaskScheduled,
        DurableCallKind.SubOrchestration => JournalEventTypes.SubOrchestrationInstanceCreated,
        DurableCallKind.Timer => JournalEventTypes.TimerCreated,
        DurableCallKind.ExternalEventWait => JournalEventTypes.EventWaitStarted,
        DurableCallKind.SendEvent => JournalEventTypes.EventSent,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static DurableCallKind? FromJournalEventType(string eventType) => eventType switch
    {
        JournalEventTypes.TaskScheduled => DurableCallKind.Activity,
        JournalEventTypes.SubOrchestrationInstanceCreated => DurableCallKind.SubOrchestration,
        JournalEventTypes.TimerCreated => DurableCallKind.Timer,
        JournalEventTypes.EventWaitStarted => DurableCallKind.ExternalEventWait,
        JournalEventTypes.EventSent => DurableCallKind.SendEvent,
        _ => null,
    };

    /// <summary>How a call reads in error messages: "activity 'SayHello'", "timer".</summary>
    public static string Describe(DurableCallKind kind, string? name) => kind switch
    {
        DurableCallKind.Activity => $"activity '{name}'",
        DurableCallKind.SubOrchestration => $"sub-orchestration '{name}'",
        DurableCallKind.Timer => "timer",
        DurableCallKind.ExternalEventWait => $"wait for external event '{name}'",
        DurableCallKind.SendEvent => $"send of event '{name}'",
        _ => kind.ToString(),
    };

    /// <summary>The name a call is matched on during replay (timers have none).</summary>
    public static string? MatchName(DurableCallKind kind, string? name) => kind == DurableCallKind.Timer ? null : name;
}
