using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Engine.Storage;

/// <summary>One row of an instance's append-only journal (the current execution's history).</summary>
internal sealed record JournalRow(
    long Position,
    string EventType,
    DateTime Timestamp,
    int? TaskId = null,
    string? Name = null,
    string? Payload = null,
    string? Failure = null,
    DateTime? FireAt = null,
    string? Target = null);

/// <summary>A message waiting in an instance's inbox; timers are messages that become visible at their fire time.</summary>
internal sealed record InboxMessage(
    long Id,
    string InstanceId,
    string? ExecutionId,
    string Kind,
    int? TaskId,
    string? Name,
    string? Payload,
    string? Failure,
    int Flags,
    DateTime VisibleAt,
    DateTime CreatedAt);

/// <summary>A message to insert; <see cref="ExecutionId"/> null means "whatever execution is current" (events).</summary>
internal sealed record NewMessage(
    string InstanceId,
    string? ExecutionId,
    string Kind,
    DateTime VisibleAt,
    int? TaskId = null,
    string? Name = null,
    string? Payload = null,
    string? Failure = null,
    int Flags = 0);

internal static class MessageFlags
{
    public const int None = 0;
    public const int Recursive = 1;
}

/// <summary>The instance that started a sub-orchestration, and the call in it that waits for the result.</summary>
internal sealed record ParentLink(string InstanceId, string Name, string ExecutionId, int TaskId);

internal sealed record InstanceRecord(
    string InstanceId,
    string ExecutionId,
    string Name,
    OrchestrationRuntimeStatus Status,
    string? Input,
    string? Output,
    string? CustomStatus,
    string? Failure,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    ParentLink? Parent,
    long Version);

/// <summary>An activity to run; the row is deleted only in the transaction that stores its result.</summary>
internal sealed record ActivityWorkItem(long Id, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input);

/// <summary>A W3C <c>traceparent</c> (and <c>tracestate</c>) kept with an instance.</summary>
internal sealed record TraceParent(string Value, string? State);

/// <summary>The trace an instance's spans belong to, and when its current execution's span started.</summary>
internal sealed record InstanceTrace(TraceParent Parent, DateTime ExecutionStartedAt);
