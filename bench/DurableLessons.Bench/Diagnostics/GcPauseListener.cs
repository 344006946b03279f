using System.Diagnostics.Tracing;

namespace DurableLessons.Bench.Diagnostics;

/// <summary>
/// The runtime's own GC and thread-pool events (event source <c>Microsoft-Windows-DotNETRuntime</c>), in process:
/// each pause runs from the suspension's begin (<c>GCSuspendEEBegin_V1</c>) to the restart's end
/// (<c>GCRestartEEEnd_V1</c>); thread-pool starvation shows as worker-count adjustments with reason Starvation.
/// </summary>
internal sealed class GcPauseListener : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const EventKeywords ThreadingKeyword = (EventKeywords)0x10000;
    private const int SuspendBegin = 9;
    private const int RestartEnd = 3;
    private const int ThreadAdjustment = 55;
    private const uint StarvationReason = 6;

    private readonly DurationSamples _pauses = new();
    private readonly Lock _gate = new();
    private DateTime? _suspendedAt;
    private int _starvationInjections;
    private bool _stopped;

    public int StarvationInjections => Volatile.Read(ref _starvationInjections);

    public DurationSamples Stop()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        return _pauses;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword | ThreadingKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            switch (eventData.EventId)
            {
                case SuspendBegin:
                    _suspendedAt = eventData.TimeStamp;
                    break;
                case RestartEnd when _suspendedAt is { } suspendedAt:
                    _pauses.Add((eventData.TimeStamp - suspendedAt).TotalSeconds);
                    _suspendedAt = null;
                    break;
                case ThreadAdjustment when IsStarvation(eventData):
                    _starvationInjections++;
                    break;
            }
        }
    }

    private static bool IsStarvation(EventWrittenEventArgs eventData)
    {
        var index = eventData.PayloadNames?.IndexOf("Reason") ?? -1;
        return index >= 0 && eventData.Payload?[index] is uint reason && reason == StarvationReason;
    }
}
