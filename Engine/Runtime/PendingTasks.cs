using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;

namespace DurableLessons.Engine.Runtime;

/// <summary>
/// A durable wait that orchestrator code can cancel with a token. As in the Durable Task SDK, the wait registers a
/// callback on the token: <c>CancellationTokenSource.Cancel()</c> on the orchestrator's thread runs it there and the
/// wait ends at once; a cancellation that runs the callback anywhere else (<c>CancelAsync</c>, <c>CancelAfter</c>) is
/// the bug that hangs a run on the real engine, and the executor fails the orchestration for it.
/// </summary>
internal interface ICancellableWait
{
    CancellationToken CancellationToken { get; }

    bool IsDone { get; }

    /// <summary>The token callback; disposed when the wait ends so that a later cancellation does nothing.</summary>
    CancellationTokenRegistration Registration { get; set; }

    void Cancel();
}

/// <summary>A durable call that waits for its result (activity, sub-orchestration or timer).</summary>
internal abstract class OpenCall(DurableCallKind kind, string? name, int taskId) : ICancellableWait
{

    public DurableCallKind Kind { get; } = kind;

    public string? Name { get; } = name;

    public int TaskId { get; } = taskId;

    /// <summary>Completed, failed or cancelled.</summary>
    public bool IsDone { get; private set; }

    public void Complete(string? json)
    {
        if (Finish())
        {
            SetResult(json);
        }
    }

    public void Fail(TaskFailureDetails failure)
    {
        if (Finish())
        {
            SetFailure(new TaskFailedException(Name ?? Kind.ToString(), TaskId, failure));
        }
    }

    public void Cancel()
    {
        if (Finish())
        {
            SetCancelled();
        }
    }

    public CancellationToken CancellationToken { get; init; }

    public CancellationTokenRegistration Registration { get; set; }

    protected abstract void SetResult(string? json);

    protected abstract void SetFailure(Exception exception);

    protected abstract void SetCancelled();

    private bool Finish()
    {
        if (IsDone)
        {
            return false;
        }

        IsDone = true;
        Registration.Dispose();
        return true;
    }
}

/// <summary>An open call whose result is deserialized to <typeparamref name="T"/> through <see cref="WorkflowJson"/>.</summary>
internal sealed class OpenCall<T>(DurableCallKind kind, string? name, int taskId) : OpenCall(kind, name, taskId)
{
    // Continuations run synchronously: they are posted to the orchestration's scheduler by the awaiter itself.
    private readonly TaskCompletionSource<T> _completion = new();

    public Task<T> Task => _completion.Task;

    protected override void SetResult(string? json)
    {
        T value;
        try
        {
            value = json is null ? default! : (T)WorkflowJson.Deserialize(json, typeof(T))!;
        }
#pragma warning disable CA1031 // A result that does not fit T surfaces in the orchestrator, as in Durable.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _completion.SetException(exception);
            return;
        }

        _completion.SetResult(value);
    }

    protected override void SetFailure(Exception exception) => _completion.SetException(exception);

    protected override void SetCancelled() => _completion.SetCanceled();
}

/// <summary>A <c>WaitForExternalEvent</c> waiting for the next event of its name.</summary>
internal abstract class EventWaiter(string name) : ICancellableWait
{

    public string Name { get; } = name;

    public bool IsDone { get; private set; }

    public void Deliver(string? json)
    {
        if (Finish())
        {
            SetResult(json);
        }
    }

    public void Cancel()
    {
        if (Finish())
        {
            SetCancelled();
        }
    }

    public CancellationToken CancellationToken { get; init; }

    public CancellationTokenRegistration Registration { get; set; }

    /// <summary>The type the orchestrator asked for; waiters of one name must agree on it, as in the SDK.</summary>
    public abstract Type EventType { get; }

    protected abstract void SetResult(string? json);

    protected abstract void SetCancelled();

    private bool Finish()
    {
        if (IsDone)
        {
            return false;
        }

        IsDone = true;
        Registration.Dispose();
        return true;
    }
}

internal sealed class EventWaiter<T>(string name) : EventWaiter(name)
{
    private readonly TaskCompletionSource<T> _completion = new();

    public Task<T> Task => _completion.Task;

    public override Type EventType => typeof(T);

    protected override void SetResult(string? json)
    {
        try
        {
            _completion.SetResult(json is null ? default! : (T)WorkflowJson.Deserialize(json, typeof(T))!);
        }
#pragma warning disable CA1031 // A payload that does not fit T surfaces in the orchestrator.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _completion.SetException(exception);
        }
    }

    protected override void SetCancelled() => _completion.SetCanceled();
}
