namespace DurableLessons.Engine.Storage;

/// <summary>Who asked for a write: a client of the engine (start, control message, purge) or the engine's own dispatch.</summary>
internal enum WriteLane
{
    Engine,
    Client,
}

/// <summary>One unit of work for the writer: applied inside a savepoint of a group transaction.</summary>
internal abstract class WriteOperation(WriteLane lane)
{
    public WriteLane Lane { get; } = lane;

    /// <summary>When the operation was queued (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Writes through the session. An exception rolls back this operation only and is handed to its caller.</summary>
    public abstract void Apply(WriterSession session);

    public abstract void Reject(Exception exception);

    public abstract void Fail(Exception exception);

    public abstract void Complete();
}

internal sealed class WriteOperation<T>(Func<WriterSession, T> apply, WriteLane lane) : WriteOperation(lane)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _rejection;

    public Task<T> Task => _completion.Task;

    public override void Apply(WriterSession session) => _result = apply(session);

    public override void Reject(Exception exception) => _rejection = exception;

    public override void Fail(Exception exception) => _completion.TrySetException(_rejection ?? exception);

    public override void Complete()
    {
        if (_rejection is not null)
        {
            _completion.TrySetException(_rejection);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }
}
