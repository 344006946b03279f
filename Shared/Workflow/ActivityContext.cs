namespace DurableLessons.Shared.Workflow;

/// <summary>
/// Our port of Durable Task's <c>TaskActivityContext</c>. Activities run at least once: an activity whose effect must
/// not be repeated keys it on <see cref="InstanceId"/> (plus its input) so that a re-run finds the earlier effect.
/// </summary>
public abstract class TaskActivityContext
{
    public abstract string Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>Signals host shutdown or the activity's own timeout; not part of the SDK type, which has no token.</summary>
    public virtual CancellationToken CancellationToken => CancellationToken.None;
}

/// <summary>A plain activity context for hosts and tests.</summary>
public sealed class SimpleActivityContext(string name, string instanceId, CancellationToken cancellationToken = default) : TaskActivityContext
{
    public override string Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public override CancellationToken CancellationToken { get; } = cancellationToken;
}
