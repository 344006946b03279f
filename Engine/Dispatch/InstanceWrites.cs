using DurableLessons.Engine.Client;
using DurableLessons.Engine.Runtime;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using OrchestrationAlreadyExistsException = DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException;

namespace DurableLessons.Engine.Dispatch;

/// <summary>Writes shared by the client and by episodes: creating instances and telling a parent how a child ended.</summary>
internal static class InstanceWrites
{
    /// <summary>
    /// Creates the instance with a new execution and its ExecutionStarted message, replacing a terminal instance of
    /// the same id. Throws the Durable Task Framework's <c>OrchestrationAlreadyExistsException</c> (nothing written)
    /// when the id is in use, as the SDK's client does.
    /// </summary>
    public static void Create(
        WriterSession session, string instanceId, string name, string? input, ParentLink? parent, DateTime visibleAt, TraceParent? trace)
    {
        var executionId = ExecutionIds.New();
        if (!session.TryCreateNewInstance(instanceId, executionId, name, input, parent))
        {
            var existing = session.ReadInstance(instanceId)!;
            if (!existing.Status.IsTerminal())
            {
                throw AlreadyExists(instanceId, existing.Status);
            }

            session.ClearInstanceState(instanceId);
            session.CreateInstance(instanceId, executionId, name, input, parent);
        }

        // A new or cleared instance has no trace row (deleting an instance deletes its trace), so without a
        // listener there is nothing to write.
        if (trace is not null)
        {
            session.SetTraceParent(instanceId, trace);
        }

        session.InsertMessage(new NewMessage(instanceId, executionId, JournalEventTypes.ExecutionStarted, visibleAt));
    }

    /// <summary>Sends a child's end to the parent call waiting for it (Durable reports a terminated child as failed).</summary>
    public static void NotifyParent(
        WriterSession session,
        ParentLink parent,
        string childInstanceId,
        OrchestrationRuntimeStatus status,
        string? output,
        TaskFailureDetails? failure)
    {
        var message = status == OrchestrationRuntimeStatus.Completed
            ? new NewMessage(parent.InstanceId, parent.ExecutionId, JournalEventTypes.SubOrchestrationInstanceCompleted, DateTime.MinValue, parent.TaskId, Payload: output)
            : new NewMessage(
                parent.InstanceId,
                parent.ExecutionId,
                JournalEventTypes.SubOrchestrationInstanceFailed,
                DateTime.MinValue,
                parent.TaskId,
                Failure: WorkflowJson.Serialize(failure ?? TerminatedFailure(childInstanceId, output)));
        session.InsertMessage(message);
    }

    public static TaskFailureDetails TerminatedFailure(string instanceId, string? output) => new(
        typeof(OrchestrationStateException).FullName!,
        $"Orchestration '{instanceId}' was terminated{(output is null ? "." : $": {output}")}",
        null,
        null,
        null);

    public static OrchestrationAlreadyExistsException AlreadyExists(string instanceId, OrchestrationRuntimeStatus status) =>
        new($"An orchestration with instance id '{instanceId}' already exists and is {status}.");
}
