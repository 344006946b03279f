namespace DurableLessons.Http.Streaming;

/// <summary>
/// Tells the event stream when a run may have changed, so it reads the run's state only then. Versions are opaque,
/// growing numbers: the stream passes back the last one it received.
/// </summary>
public interface IRunChangeSignal
{
    /// <summary>
    /// Completes with a version greater than <paramref name="afterVersion"/> once the run may have changed
    /// (at once for <c>afterVersion</c> 0).
    /// </summary>
    Task<long> WaitForChangeAsync(string instanceId, long afterVersion, CancellationToken cancellationToken);
}
