using DurableLessons.Engine.Diagnostics;
using DurableLessons.Engine.Runtime;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// Writes one episode as one transaction: the processed messages leave the inbox, the journal grows, the work for
/// new calls (activity items, timer messages, child instances, events to other instances) is created, and the
/// instance row takes the new status — all or nothing.
/// </summary>
internal sealed class EpisodeCommit(TaskCatalog tasks, EngineTracing tracing)
{
    /// <summary>False when the instance was removed or replaced meanwhile; nothing is written then.</summary>
    public bool Apply(WriterSession session, InstanceRecord instance, IReadOnlyList<long> processedMessages, EpisodeOutcome outcome)
    {
        var current = session.ReadInstance(instance.InstanceId);
        if (current is null || current.ExecutionId != instance.ExecutionId)
        {
            return false;
        }

        foreach (var messageId in processedMessages)
        {
            session.DeleteMessage(messageId);
        }

        if (!outcome.HasChanges)
        {
            return true;
        }

        var id = instance.InstanceId;
        if (outcome.ResetsJournal)
        {
            session.DeleteJournal(id);
        }

        foreach (var position in outcome.DroppedPositions)
        {
            session.DeleteJournalRow(id, position);
        }

        foreach (var taskId in outcome.OrphanedTaskIds)
        {
            session.DeleteActivitiesForTask(id, taskId);
            session.DeleteInboxForTask(id, taskId);
        }

        session.AppendJournal(id, outcome.NewRows);
        if (outcome.Status != OrchestrationRuntimeStatus.Terminated)
        {
            foreach (var call in outcome.NewCalls)
            {
                CreateWork(session, instance, call);
            }

            foreach (var call in outcome.CallsToRestore)
            {
                RestoreWork(session, instance, call);
            }
        }

        UpdateInstance(session, current, outcome);
        return true;
    }

    /// <summary>A terminal instance discards what still arrives for it (late results, events).</summary>
    public static bool Discard(WriterSession session, IReadOnlyList<long> messages)
    {
        foreach (var messageId in messages)
        {
            session.DeleteMessage(messageId);
        }

        return true;
    }

    /// <summary>Fails an instance that cannot run at all (its orchestrator is not registered or cannot be created).</summary>
    public static bool FailUnrunnable(WriterSession session, InstanceRecord instance, IReadOnlyList<long> messages, TaskFailureDetails failure)
    {
        var current = session.ReadInstance(instance.InstanceId);
        if (current is null || current.ExecutionId != instance.ExecutionId)
        {
            return false;
        }

        Discard(session, messages);
        var output = WorkflowJson.Serialize($"Orchestrator function '{instance.Name}' failed: {failure.ErrorMessage}");
        session.UpdateInstance(
            instance.InstanceId, instance.ExecutionId, OrchestrationRuntimeStatus.Failed, current.Input, output, null, WorkflowJson.Serialize(failure));
        session.DeleteInbox(instance.InstanceId);
        if (current.Parent is { } parent)
        {
            InstanceWrites.NotifyParent(session, parent, instance.InstanceId, OrchestrationRuntimeStatus.Failed, output, failure);
        }

        return true;
    }

    private static void UpdateInstance(WriterSession session, InstanceState current, EpisodeOutcome outcome)
    {
        var id = current.InstanceId;
        if (outcome.ContinueAsNew is { } next)
        {
            var executionId = ExecutionIds.New();
            session.UpdateInstance(id, executionId, OrchestrationRuntimeStatus.Running, next.Input, null, outcome.CustomStatus, null);
            session.InsertMessage(new NewMessage(id, executionId, JournalEventTypes.ExecutionStarted, DateTime.MinValue));
            session.RestartTrace(id);
            foreach (var carried in next.CarriedEvents)
            {
                session.InsertMessage(new NewMessage(id, null, JournalEventTypes.EventRaised, DateTime.MinValue, Name: carried.Name, Payload: carried.Payload));
            }

            return;
        }

        var failure = outcome.Failure is null ? null : WorkflowJson.Serialize(outcome.Failure);
        session.UpdateInstance(id, current.ExecutionId, outcome.Status, current.Input, outcome.Output, outcome.CustomStatus, failure);
        if (!outcome.Status.IsTerminal())
        {
            return;
        }

        // Whatever is still queued for a finished execution (timers, events) would only be discarded later.
        session.DeleteInbox(id);
        if (outcome.Status == OrchestrationRuntimeStatus.Terminated)
        {
            session.DeleteActivities(id);
            if (outcome.TerminateRecursively)
            {
                foreach (var child in session.NonTerminalChildren(id))
                {
                    session.InsertMessage(new NewMessage(
                        child, null, JournalEventTypes.ExecutionTerminated, DateTime.MinValue, Payload: outcome.Output, Flags: MessageFlags.Recursive));
                }
            }
        }

        if (current.Parent is { } parent)
        {
            InstanceWrites.NotifyParent(session, parent, id, outcome.Status, outcome.Output, outcome.Failure);
        }
    }

    private void CreateWork(WriterSession session, InstanceRecord instance, JournalRow call)
    {
        var taskId = call.TaskId!.Value;
        switch (call.EventType)
        {
            case JournalEventTypes.TaskScheduled:
                session.InsertActivity(instance.InstanceId, instance.ExecutionId, taskId, call.Name!, call.Payload);
                break;
            case JournalEventTypes.TimerCreated:
                session.InsertMessage(new NewMessage(instance.InstanceId, instance.ExecutionId, JournalEventTypes.TimerFired, call.FireAt!.Value, taskId));
                break;
            case JournalEventTypes.SubOrchestrationInstanceCreated:
                StartChild(session, instance, call);
                break;
            case JournalEventTypes.EventSent:
                var target = session.ReadInstance(call.Target!);
                if (target is not null && !target.Status.IsTerminal())
                {
                    session.InsertMessage(new NewMessage(target.InstanceId, null, JournalEventTypes.EventRaised, DateTime.MinValue, Name: call.Name, Payload: call.Payload));
                }

                break;
        }
    }

    private void StartChild(WriterSession session, InstanceRecord instance, JournalRow call)
    {
        var taskId = call.TaskId!.Value;
        var childId = call.Target!;
        TaskFailureDetails? failure = null;
        var childName = tasks.OrchestratorName(call.Name!);
        if (childName is null)
        {
            failure = TaskNotFound.Orchestrator(call.Name!);
        }
        else if (session.ReadInstance(childId) is { } existing && !existing.Status.IsTerminal())
        {
            failure = TaskFailureDetails.FromException(InstanceWrites.AlreadyExists(childId, existing.Status));
        }

        if (failure is not null)
        {
            session.InsertMessage(new NewMessage(
                instance.InstanceId, instance.ExecutionId, JournalEventTypes.SubOrchestrationInstanceFailed, DateTime.MinValue, taskId,
                Failure: WorkflowJson.Serialize(failure)));
            return;
        }

        var parent = new ParentLink(instance.InstanceId, instance.Name, instance.ExecutionId, taskId);
        var trace = session.ReadTraceParent(instance.InstanceId) is { } parentTrace
            ? tracing.OrchestrationCreated(childName!, childId, parentTrace)
            : null;
        InstanceWrites.Create(session, childId, childName!, call.Payload, parent, DateTime.MinValue, trace);
    }

    /// <summary>Rewind: a journaled call still waits for its result; make sure the work that produces it exists.</summary>
    private void RestoreWork(WriterSession session, InstanceRecord instance, JournalRow call)
    {
        var taskId = call.TaskId!.Value;
        switch (call.EventType)
        {
            case JournalEventTypes.TaskScheduled when !session.HasActivity(instance.InstanceId, taskId):
            case JournalEventTypes.TimerCreated when !session.HasTimerMessage(instance.InstanceId, taskId):
                CreateWork(session, instance, call);
                break;
            case JournalEventTypes.SubOrchestrationInstanceCreated:
                RestoreChild(session, instance, call);
                break;
        }
    }

    private void RestoreChild(WriterSession session, InstanceRecord instance, JournalRow call)
    {
        var child = session.ReadInstance(call.Target!);
        var parent = new ParentLink(instance.InstanceId, instance.Name, instance.ExecutionId, call.TaskId!.Value);
        switch (child?.Status)
        {
            case null:
                StartChild(session, instance, call);
                break;
            case OrchestrationRuntimeStatus.Failed:
                Rewind(session, child.InstanceId, "Rewound with its parent.");
                break;
            case OrchestrationRuntimeStatus.Completed:
                InstanceWrites.NotifyParent(session, parent, child.InstanceId, child.Status, child.Output, null);
                break;
            case { } status when status.IsTerminal():
                InstanceWrites.NotifyParent(session, parent, child.InstanceId, status, child.Output, null);
                break;
        }
    }

    /// <summary>Marks a Failed instance Running again and queues the message that makes its next episode rewind.</summary>
    public static void Rewind(WriterSession session, string instanceId, string? reason)
    {
        session.SetStatus(instanceId, OrchestrationRuntimeStatus.Running);
        session.InsertMessage(new NewMessage(
            instanceId, null, JournalEventTypes.ExecutionRewound, DateTime.MinValue, Payload: reason is null ? null : WorkflowJson.Serialize(reason)));
    }
}
