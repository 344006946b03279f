using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;

namespace DurableLessons.Engine.Runtime;

/// <summary>
/// A durable wait that orchestrator code can cancel with a token. As in the Durable Task SDK, the wait registers a
/// callback on the token: <c>CancellationTokenSource.Cancel()</c> on the orchestrator's thread runs it there and the
/// wait ends at once; a cancellation that runs the callback anywhere else (<c>CancelAsync</c>, <c>CancelAfter</c>) is
/// the bug that hangs a run on the real engine, and the executor fails the orchestration for it.
/// </summary>
internal abstract class CancellableWait
{
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Completed, failed or cancelled.</summary>
    public bool IsDone { get; private set; }

    /// <summary>The token callback; disposed when the wait ends so that a later cancellation does nothing.</summary>
    public CancellationTokenRegistration Registration { get; set; }

    public void Cancel()
    {
        if (Finish())
        {
            SetCancelled();
        }
    }

    protected abstract void SetCancelled();

    /// <summary>True the first time the wait ends (result, failure or cancellation), false ever after.</summary>
    protected bool Finish()
    {
        if (IsDone)
        {
            return false;
        }

        IsDone = true;
        Registration.Dispose();
        return true;
    }

    /// <summary>Completes <paramref name="completion"/> with <paramref name="json"/> read as <typeparamref name="T"/>, or fails it when it does not fit.</summary>
    protected static void SetDeserialized<T>(TaskCompletionSource<T> completion, string? json)
    {
        T value;
        try
        {
            value = json is null ? default! : (T)WorkflowJson.Deserialize(json, typeof(T))!;
        }
#pragma warning disable CA1031 // A result or payload that does not fit T surfaces in the orchestrator, as in Durable.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            completion.SetException(exception);
            return;
        }

        completion.SetResult(value);
    }
}

/// <summary>A durable call that waits for its result (activity, sub-orchestration or timer).</summary>
internal abstract class OpenCall(DurableCallKind kind, string? name, int taskId) : CancellableWait
{
    public DurableCallKind Kind { get; } = kind;

    public string? Name { get; } = name;

    public int TaskId { get; } = taskId;

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

    protected abstract void SetResult(string? json);

    protected abstract void SetFailure(Exception exception);
}

/// <summary>An open call whose result is deserialized to <typeparamref name="T"/> through <see cref="WorkflowJson"/>.</summary>
internal sealed class OpenCall<T>(DurableCallKind kind, string? name, int taskId) : OpenCall(kind, name, taskId)
{
    // Continuations run synchronously: they are posted to the orchestration's scheduler by the awaiter itself.
    private readonly TaskCompletionSource<T> _completion = new();

    public Task<T> Task => _completion.Task;

    protected override void SetResult(string? json) => SetDeserialized(_completion, json);

    protected override void SetFailure(Exception exception) => _completion.SetException(exception);

    protected override void SetCancelled() => _completion.SetCanceled();
}

/// <summary>A <c>WaitForExternalEvent</c> waiting for the next event of its name.</summary>
internal abstract class EventWaiter(string name) : CancellableWait
{
    public string Name { get; } = name;

    /// <summary>The type the orchestrator asked for; waiters of one name must agree on it, as in the SDK.</summary>
    public abstract Type EventType { get; }

    public void Deliver(string? json)
    {
        if (Finish())
        {
            SetResult(json);
        }
    }

    protected abstract void SetResult(string? json);
}

internal sealed class EventWaiter<T>(string name) : EventWaiter(name)
{
    private readonly TaskCompletionSource<T> _completion = new();

    public Task<T> Task => _completion.Task;

    public override Type EventType => typeof(T);

    protected override void SetResult(string? json) => SetDeserialized(_completion, json);

    protected override void SetCancelled() => _completion.SetCanceled();
}
