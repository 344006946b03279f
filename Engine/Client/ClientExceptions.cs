using Microsoft.DurableTask.Client;

namespace DurableLessons.Engine.Client;

/// <summary>
/// A client operation named an instance the store does not know. An <see cref="ArgumentException"/>, as the Durable
/// Task SDK's gRPC client reports it, so callers that handle either client catch the same type.
/// </summary>
public sealed class OrchestrationNotFoundException(string instanceId)
    : ArgumentException($"No orchestration instance with id '{instanceId}' was found.", nameof(instanceId))
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>
/// The operation is not allowed in the instance's current status. An <see cref="InvalidOperationException"/>, as the
/// SDK's gRPC client reports a failed precondition.
/// </summary>
public sealed class OrchestrationStateException(string instanceId, OrchestrationRuntimeStatus status, string operation)
    : InvalidOperationException($"Cannot {operation} orchestration '{instanceId}' because it is {status}.")
{
    public string InstanceId { get; } = instanceId;

    public OrchestrationRuntimeStatus Status { get; } = status;

    public string Operation { get; } = operation;
}
