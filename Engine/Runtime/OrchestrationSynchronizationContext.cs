namespace DurableLessons.Engine.Runtime;

/// <summary>
/// The single-threaded scheduler orchestrator code runs on. Continuations are queued in order and run by
/// <see cref="RunPending"/> on the thread that processes the episode (the driver), so the interleaving of orchestrator
/// code is decided by the order in which journal events complete durable tasks, the same on every replay.
/// <para>
/// A continuation posted from any other thread means orchestrator code awaited something that is not durable
/// (Task.Delay, I/O, <c>CancellationTokenSource.CancelAsync</c>, …). On the Durable Task Framework such a continuation
/// runs on a pool thread after the episode has ended and the run never finishes; here it is not run at all, and
/// <see cref="ForeignPost"/> records it so that the executor fails the orchestration with a clear reason.
/// </para>
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly object _gate = new();
    private int _driverThread;
    private int _runningThread;

    /// <summary>True once a continuation was posted from a thread other than the driver's.</summary>
    public bool ForeignPost { get; private set; }

    /// <summary>True while the calling thread runs orchestrator code (inside <see cref="RunPending"/>, on this scheduler).</summary>
    public bool IsRunningOrchestratorCode =>
        Volatile.Read(ref _runningThread) == Environment.CurrentManagedThreadId && Current == this;

    /// <summary>Makes the calling thread the driver until the returned scope is disposed.</summary>
    public DriverScope Drive()
    {
        var previous = Interlocked.Exchange(ref _driverThread, Environment.CurrentManagedThreadId);
        return new DriverScope(this, previous);
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            if (Environment.CurrentManagedThreadId != Volatile.Read(ref _driverThread))
            {
                ForeignPost = true;
                return;
            }

            _queue.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestrator code cannot block on its own scheduler.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations (and the ones they queue) until none is left.</summary>
    public void RunPending()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        var previousRunning = Interlocked.Exchange(ref _runningThread, Environment.CurrentManagedThreadId);
        try
        {
            while (TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            Volatile.Write(ref _runningThread, previousRunning);
            SetSynchronizationContext(previous);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                item = _queue.Dequeue();
                return true;
            }
        }

        item = default;
        return false;
    }

    internal readonly struct DriverScope(OrchestrationSynchronizationContext owner, int previous) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref owner._driverThread, previous);
    }
}
