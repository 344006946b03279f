using Microsoft.DurableTask;

namespace DurableLessons.Engine.Dispatch;

/// <summary>The SDK's <see cref="TaskActivityContext"/> for an activity the embedded engine runs.</summary>
internal sealed class EngineActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = new(name);

    public override string InstanceId { get; } = instanceId;
}
