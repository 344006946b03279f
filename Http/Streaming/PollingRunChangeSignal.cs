namespace DurableLessons.Http.Streaming;

/// <summary>
/// The fallback for hosts without push notifications (Azure Functions): every poll interval counts as a possible
/// change; the stream then reads the run and sends only what actually changed.
/// </summary>
public sealed class PollingRunChangeSignal(TimeSpan pollInterval, TimeProvider timeProvider) : IRunChangeSignal
{
    public async Task<long> WaitForChangeAsync(string instanceId, long afterVersion, CancellationToken cancellationToken)
    {
        if (afterVersion > 0)
        {
            await Task.Delay(pollInterval, timeProvider, cancellationToken);
        }

        return afterVersion + 1;
    }
}
