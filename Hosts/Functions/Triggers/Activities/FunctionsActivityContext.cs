using Microsoft.DurableTask;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The SDK's <see cref="TaskActivityContext"/> for an <c>[ActivityTrigger]</c> invocation.</summary>
internal sealed class FunctionsActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = new(name);

    public override string InstanceId { get; } = instanceId;
}
