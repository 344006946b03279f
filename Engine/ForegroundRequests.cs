namespace DurableLessons.Engine;

/// <summary>
/// The requests a host is serving right now (starts, status reads, raised events), counted by the host around each
/// one. While any is in progress the engine's dispatcher waits, at most
/// <see cref="EngineOptions.YieldToRequestsMilliseconds"/> per item, before it starts the next episode or activity:
/// on a saturated machine the orchestrations a burst of starts launches would otherwise take the CPU those starts
/// need, and every caller would wait for work that is durable and can run a moment later. The wait is bounded, so the
/// engine still makes progress under requests that never stop; episodes and activities already running are not
/// paused. Long-lived requests (event streams) must not be counted: they would hold the engine back for their whole life.
/// </summary>
public sealed class ForegroundRequests
{
    private int _active;
    private TaskCompletionSource _idle = NewIdleSignal();

    /// <summary>Requests in progress.</summary>
    public int Active => Volatile.Read(ref _active);

    public void Enter() => Interlocked.Increment(ref _active);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _active) == 0)
        {
            Interlocked.Exchange(ref _idle, NewIdleSignal()).TrySetResult();
        }
    }

    /// <summary>Completes when no request is in progress or after <paramref name="limit"/>, whichever comes first.</summary>
    /// <returns>How long it waited.</returns>
    internal async ValueTask<TimeSpan> WaitForIdleAsync(TimeSpan limit, TimeProvider time)
    {
        if (Active == 0 || limit <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var started = time.GetTimestamp();
        while (Active > 0)
        {
            var remaining = limit - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            // Read the signal before re-checking the count: an Exit between the two completes this very signal.
            var idle = Volatile.Read(ref _idle).Task;
            if (Active == 0)
            {
                break;
            }

            try
            {
                await idle.WaitAsync(remaining, time);
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        return time.GetElapsedTime(started);
    }

    private static TaskCompletionSource NewIdleSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
