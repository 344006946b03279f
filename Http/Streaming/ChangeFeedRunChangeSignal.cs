namespace DurableLessons.Http.Streaming;

/// <summary>
/// Adapts a host's push notifications (the embedded engine's change feed, passed as its <c>WaitForChangeAsync</c>
/// method) without making this project depend on the engine.
/// </summary>
public sealed class ChangeFeedRunChangeSignal(Func<string, long, CancellationToken, Task<long>> waitForChange) : IRunChangeSignal
{
    private readonly Func<string, long, CancellationToken, Task<long>> _waitForChange =
        waitForChange ?? throw new ArgumentNullException(nameof(waitForChange));

    public Task<long> WaitForChangeAsync(string instanceId, long afterVersion, CancellationToken cancellationToken) =>
        _waitForChange(instanceId, afterVersion, cancellationToken);
}
