namespace DurableLessons.Engine.Runtime;

/// <summary>
/// The single-threaded scheduler orchestrator code runs on. Continuations are queued in order and run by
/// <see cref="RunPending"/> on the thread that processes the episode, so the interleaving of orchestrator code is
/// decided by the order in which journal events complete durable tasks, the same on every replay.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly object _gate = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            _queue.Enqueue((d, state));
            Monitor.PulseAll(_gate);
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
        try
        {
            while (TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Waits for a continuation posted from another thread (orchestrator code that awaited a non-durable task).</summary>
    public bool WaitForPost(TimeSpan timeout)
    {
        lock (_gate)
        {
            return _queue.Count > 0 || (Monitor.Wait(_gate, timeout) && _queue.Count > 0);
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
}
