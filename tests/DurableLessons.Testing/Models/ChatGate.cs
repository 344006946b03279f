namespace DurableLessons.Testing.Models;

/// <summary>
/// Holds the replies that wait on it (<see cref="ChatReply.HeldBy"/>) until the test opens it, so a test can act while a
/// model call is known to be in flight.
/// </summary>
public sealed class ChatGate
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first request reaches the gate.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Lets every held reply, and every later one, through.</summary>
    public void Open() => _opened.TrySetResult();

    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        _arrived.TrySetResult();
        await _opened.Task.WaitAsync(cancellationToken);
    }
}
