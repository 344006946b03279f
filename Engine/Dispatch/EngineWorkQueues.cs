using System.Threading.Channels;
using DurableLessons.Engine.Storage;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// In-memory view of the work the database holds, fed by commits (<see cref="ICommitListener"/>) and by start-up
/// recovery: instances with messages to process (each queued at most once, and never processed by two workers at
/// the same time), future messages (timers) by due time, and activity work items. The database stays the truth:
/// losing this state (a crash) loses nothing, start-up rebuilds it.
/// </summary>
internal sealed class EngineWorkQueues(ExecutorCache cache, TimeProvider time) : ICommitListener
{
    // Task.Delay takes at most ~49 days; a far timer is simply re-checked.
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(1);

    private readonly object _gate = new();
    private readonly Channel<string> _readyInstances = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rerun = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTime> _timers = new();
    private readonly Channel<ActivityWorkItem> _activities = Channel.CreateUnbounded<ActivityWorkItem>();
    private readonly HashSet<long> _knownActivities = [];
    private readonly HashSet<long> _cancelledActivities = [];
    private TaskCompletionSource _timerChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelReader<string> ReadyInstances => _readyInstances.Reader;

    public ChannelReader<ActivityWorkItem> Activities => _activities.Reader;

    public void OnCommitted(CommitEffects effects)
    {
        foreach (var instanceId in effects.RemovedInstances)
        {
            cache.Evict(instanceId);
        }

        foreach (var item in effects.Activities)
        {
            EnqueueActivity(item);
        }

        lock (_gate)
        {
            foreach (var id in effects.CancelledActivities)
            {
                if (_knownActivities.Contains(id))
                {
                    _cancelledActivities.Add(id);
                }
            }
        }

        foreach (var (instanceId, visibleAt) in effects.Messages)
        {
            Signal(instanceId, visibleAt);
        }
    }

    /// <summary>The instance has a message that becomes visible at <paramref name="visibleAt"/>.</summary>
    public void Signal(string instanceId, DateTime visibleAt)
    {
        lock (_gate)
        {
            if (visibleAt > time.GetUtcNow().UtcDateTime)
            {
                var isEarliest = !_timers.TryPeek(out _, out var earliest) || visibleAt < earliest;
                _timers.Enqueue(instanceId, visibleAt);
                if (isEarliest)
                {
                    _timerChanged.TrySetResult();
                }

                return;
            }

            SignalNow(instanceId);
        }
    }

    /// <summary>Marks the instance as being processed by the calling worker.</summary>
    public void BeginEpisode(string instanceId)
    {
        lock (_gate)
        {
            _queued.Remove(instanceId);
            _running.Add(instanceId);
        }
    }

    /// <summary>Ends processing; messages that arrived meanwhile queue the instance again.</summary>
    public void EndEpisode(string instanceId)
    {
        lock (_gate)
        {
            _running.Remove(instanceId);
            if (_rerun.Remove(instanceId))
            {
                SignalNow(instanceId);
            }
        }
    }

    public void EnqueueActivity(ActivityWorkItem item)
    {
        lock (_gate)
        {
            if (!_knownActivities.Add(item.Id))
            {
                return;
            }
        }

        _activities.Writer.TryWrite(item);
    }

    /// <summary>False when the work item was deleted (instance terminated, purged or rewound) before it started.</summary>
    public bool BeginActivity(long workItemId)
    {
        lock (_gate)
        {
            if (_cancelledActivities.Remove(workItemId))
            {
                _knownActivities.Remove(workItemId);
                return false;
            }

            return true;
        }
    }

    public void EndActivity(long workItemId)
    {
        lock (_gate)
        {
            _knownActivities.Remove(workItemId);
            _cancelledActivities.Remove(workItemId);
        }
    }

    /// <summary>Queues instances whose timers are due, until cancelled.</summary>
    public async Task RunTimersAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Task changed;
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow().UtcDateTime;
                while (_timers.TryPeek(out var instanceId, out var due) && due <= now)
                {
                    _timers.Dequeue();
                    SignalNow(instanceId);
                }

                if (_timerChanged.Task.IsCompleted)
                {
                    _timerChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                changed = _timerChanged.Task;
                wait = _timers.TryPeek(out _, out var next)
                    ? TimeSpan.FromTicks(Math.Min((next - now).Ticks, MaxTimerWait.Ticks)) + TimeSpan.FromMilliseconds(1)
                    : Timeout.InfiniteTimeSpan;
            }

            using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wait, time, delayCancellation.Token);
            await Task.WhenAny(changed, delay);
            await delayCancellation.CancelAsync();
        }
    }

    private void SignalNow(string instanceId)
    {
        if (_running.Contains(instanceId))
        {
            _rerun.Add(instanceId);
        }
        else if (_queued.Add(instanceId))
        {
            _readyInstances.Writer.TryWrite(instanceId);
        }
    }
}
