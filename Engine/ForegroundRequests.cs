namespace DurableLessons.Engine;

/// <summary>
/// The requests a host is serving right now (starts, status reads, raised events), counted by the host around each
/// one. While any is in progress, or one ended less than <see cref="QuietPeriod"/> ago, the engine's dispatcher waits,
/// at most <see cref="EngineOptions.YieldToRequestsMilliseconds"/> per item, before it starts the next episode or
/// activity: on a saturated machine the orchestrations a burst of starts launches would otherwise take the CPU those
/// starts need, and every caller would wait for work that is durable and can run a moment later. The wait is bounded,
/// so the engine still makes progress under requests that never stop; episodes and activities already running are not
/// paused. Long-lived requests (event streams) must not be counted: they would hold the engine back for their whole life.
/// </summary>
public sealed class ForegroundRequests(TimeProvider time)
{
    /// <summary>
    /// How long no request must be in progress before the engine takes its next step. Under load the count touches
    /// zero between two requests many times a second; a step started in each such gap ran beside the next requests.
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(2);

    private int _active;
    private long _lastEnded;
    private TaskCompletionSource _idle = NewIdleSignal();

    /// <summary>Requests in progress.</summary>
    public int Active => Volatile.Read(ref _active);

    public void Enter() => Interlocked.Increment(ref _active);

    public void Exit()
    {
        Volatile.Write(ref _lastEnded, time.GetTimestamp());
        if (Interlocked.Decrement(ref _active) == 0)
        {
            Interlocked.Exchange(ref _idle, NewIdleSignal()).TrySetResult();
        }
    }

    /// <summary>
    /// Completes once no request has been in progress for <see cref="QuietPeriod"/>, or after <paramref name="limit"/>,
    /// whichever comes first.
    /// </summary>
    /// <returns>How long it waited.</returns>
    internal async ValueTask<TimeSpan> WaitForQuietAsync(TimeSpan limit)
    {
        if (limit <= TimeSpan.Zero || IsQuiet(out _))
        {
            return TimeSpan.Zero;
        }

        var started = time.GetTimestamp();
        while (true)
        {
            var remaining = limit - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            // Read the signal before checking the count: an Exit between the two completes this very signal.
            var idle = Volatile.Read(ref _idle).Task;
            if (IsQuiet(out var quietFor))
            {
                break;
            }

            try
            {
                if (Active > 0)
                {
                    await idle.WaitAsync(remaining, time);
                }
                else
                {
                    var rest = QuietPeriod - quietFor;
                    await Task.Delay(rest < remaining ? rest : remaining, time);
                }
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        return time.GetElapsedTime(started);
    }

    private bool IsQuiet(out TimeSpan quietFor)
    {
        quietFor = TimeSpan.Zero;
        if (Active > 0)
        {
            return false;
        }

        var lastEnded = Volatile.Read(ref _lastEnded);
        quietFor = lastEnded == 0 ? TimeSpan.MaxValue : time.GetElapsedTime(lastEnded);
        return quietFor >= QuietPeriod;
    }

    private static TaskCompletionSource NewIdleSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
