using Microsoft.DurableTask;

namespace DurableLessons.Orchestrations;

/// <summary>
/// A durable timer that bounds a run. On the Durable Task Framework an orchestration ends only once every activity it
/// started has returned, so giving up at the deadline is not enough: the work must also start nothing new. The work
/// calls <see cref="ThrowIfPassed"/> before each stage; once the deadline has won the race, the step in flight is the
/// last, nothing is saved, and the run fails with the deadline's reason when that step returns. Once the work
/// <see cref="Disarm"/>s the deadline to save, the run finishes whatever the clock says.
/// </summary>
internal sealed class RunDeadline : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Task _timer;
    private readonly string _setting;

    public RunDeadline(TaskOrchestrationContext context, int seconds, string setting)
    {
        _timer = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(seconds), _cancellation.Token);
        Seconds = seconds;
        _setting = setting;
    }

    public int Seconds { get; }

    public bool Passed { get; private set; }

    /// <summary>The work's result, or a <see cref="TimeoutException"/> from <paramref name="gaveUp"/> if the deadline comes first.</summary>
    public async Task<T> RaceAsync<T>(Task<T> work, Func<string, string> gaveUp)
    {
        if (await Task.WhenAny(work, _timer) == _timer && !_timer.IsCanceled)
        {
            Passed = true;
            throw new TimeoutException(gaveUp($"did not finish within {Seconds} seconds ({_setting})"));
        }

        // The synchronous Cancel(): the timer's cancellation callback must run here, on the orchestrator's thread (the
        // awaitable variant would resume the orchestrator on the thread pool).
        _cancellation.Cancel();
        return await work;
    }

    /// <summary>Stops the work before its next stage once the run has given up.</summary>
    public void ThrowIfPassed()
    {
        if (Passed)
        {
            throw new TimeoutException($"The run gave up after {Seconds} seconds ({_setting}); nothing more is started.");
        }
    }

    /// <summary>
    /// Past the point of no return (the save): the run finishes whatever the clock says, so that it never reports a
    /// failure for work it has saved.
    /// </summary>
    public void Disarm()
    {
        ThrowIfPassed();

        // The synchronous Cancel(), for the reason above.
        _cancellation.Cancel();
    }

    public void Dispose() => _cancellation.Dispose();
}
