namespace DurableLessons.Shared.Runs;

/// <summary>
/// The cancellation of the activity that runs in this DI scope (registered scoped). The Durable Task SDK's
/// <c>TaskActivityContext</c> carries no token, so each host sets the one it has on the scope before it creates the
/// activity: the embedded engine its shutdown deadline, a Functions activity its invocation's token. Where nobody
/// sets it (the SDK's own worker) it never cancels.
/// </summary>
public sealed class ActivityCancellation
{
    public CancellationToken Token { get; set; }
}
