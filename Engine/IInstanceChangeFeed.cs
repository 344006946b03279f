namespace DurableLessons.Engine;

/// <summary>
/// In-process notification of instance changes, so callers wait instead of polling. Every change to an instance's
/// status, custom status or output gives it a new version: a number from one database-wide sequence that only grows
/// (it is persisted, so it survives restarts and purges). Typical use (a Server-Sent Events route):
/// <code>
/// long seen = 0;
/// while (true)
/// {
///     seen = await feed.WaitForChangeAsync(id, seen, ct);   // returns at once the first time
///     var state = await client.GetInstanceAsync(id, getInputsAndOutputs: true, ct);
///     // send state; stop when state.IsCompleted
/// }
/// </code>
/// </summary>
public interface IInstanceChangeFeed
{
    /// <summary>
    /// Completes when the instance's version is greater than <paramref name="afterVersion"/> (at once when it already
    /// is) and returns that version. For an unknown instance it waits until the instance is created.
    /// </summary>
    Task<long> WaitForChangeAsync(string instanceId, long afterVersion, CancellationToken cancellationToken);
}
