namespace DurableLessons.Engine.Storage;

/// <summary>Who asked for a write: a client of the engine (start, control message, purge) or the engine's own dispatch.</summary>
internal enum WriteLane
{
    Engine,
    Client,
}

/// <summary>
/// One unit of work for the writer: applied inside a savepoint of a group transaction, then completed once the
/// transaction has ended, either on the committing thread (<see cref="Complete"/>: the caller's continuation runs
/// there) or on the thread pool (<see cref="CompleteLater"/>).
/// </summary>
internal abstract class WriteOperation(WriteLane lane) : IThreadPoolWorkItem
{
    public WriteLane Lane { get; } = lane;

    /// <summary>When the operation was queued (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Writes through the session. An exception rolls back this operation only and is handed to its caller.</summary>
    public abstract void Apply(WriterSession session);

    /// <summary>The operation failed on its own (rolled back to its savepoint); its caller gets this exception.</summary>
    public abstract void Reject(Exception exception);

    /// <summary>The whole transaction failed; its caller gets this exception unless the operation had failed on its own.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Hands the result to the caller on this thread: its continuation runs before this returns.</summary>
    public abstract void Complete();

    /// <summary>Hands the result to the caller on a thread-pool thread.</summary>
    public void CompleteLater() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);

    void IThreadPoolWorkItem.Execute() => Complete();
}

internal sealed class WriteOperation<T>(Func<WriterSession, T> apply, WriteLane lane) : WriteOperation(lane)
{
    // Continuations run where Complete is called; the writer decides where that is (never inside a transaction).
    private readonly TaskCompletionSource<T> _completion = new();
    private T? _result;
    private Exception? _failure;

    public Task<T> Task => _completion.Task;

    public override void Apply(WriterSession session) => _result = apply(session);

    public override void Reject(Exception exception) => _failure = exception;

    public override void Fail(Exception exception) => _failure ??= exception;

    public override void Complete()
    {
        if (_failure is not null)
        {
            _completion.TrySetException(_failure);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }
}
