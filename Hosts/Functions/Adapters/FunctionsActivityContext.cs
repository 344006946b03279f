using DurableLessons.Shared.Workflow;

namespace DurableLessons.Hosts.Functions.Adapters;

/// <summary>
/// Our <see cref="TaskActivityContext"/> for an <c>[ActivityTrigger]</c> invocation: the activity's name, the calling
/// orchestration's instance id (the trigger's <c>instanceId</c> binding data) and the invocation's cancellation token.
/// </summary>
public sealed class FunctionsActivityContext : TaskActivityContext
{
    /// <summary>The binding-data name under which the Durable activity trigger passes the orchestration instance id.</summary>
    public const string InstanceIdBindingName = "instanceId";

    public FunctionsActivityContext(string name, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        Name = name;
        InstanceId = instanceId;
        CancellationToken = cancellationToken;
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    public override CancellationToken CancellationToken { get; }
}
