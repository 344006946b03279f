using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Engine.Runtime;

/// <summary>The identity and input of one execution of an instance (a ContinueAsNew starts a new execution).</summary>
internal sealed record ExecutionInfo(string InstanceId, string Name, string ExecutionId, string? Input, ParentOrchestrationInstance? Parent);

/// <summary>An event an execution received but did not consume, carried into the next one by ContinueAsNew.</summary>
internal sealed record BufferedEvent(string Name, string? Payload);

internal sealed record ContinueAsNewRequest(string? Input, IReadOnlyList<BufferedEvent> CarriedEvents);

/// <summary>What one episode decided, to be committed in one transaction.</summary>
internal sealed class EpisodeOutcome
{
    public required OrchestrationRuntimeStatus Status { get; init; }

    public string? Output { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public string? CustomStatus { get; init; }

    /// <summary>Journal rows to append (after <see cref="DroppedPositions"/> are deleted, or after the reset).</summary>
    public required IReadOnlyList<JournalRow> NewRows { get; init; }

    /// <summary>Rows a rewind removed: failures, and calls the rewound code no longer makes.</summary>
    public IReadOnlyList<long> DroppedPositions { get; init; } = [];

    /// <summary>New durable calls (also part of <see cref="NewRows"/> unless the journal resets), whose work to create.</summary>
    public required IReadOnlyList<JournalRow> NewCalls { get; init; }

    /// <summary>Rewind: journaled calls still waiting for a result, whose work must exist again.</summary>
    public IReadOnlyList<JournalRow> CallsToRestore { get; init; } = [];

    /// <summary>Rewind: task ids of dropped calls, whose queued work and results are deleted.</summary>
    public IReadOnlyCollection<int> OrphanedTaskIds { get; init; } = [];

    public ContinueAsNewRequest? ContinueAsNew { get; init; }

    public bool TerminateRecursively { get; init; }

    /// <summary>True when the journal is replaced (ContinueAsNew) instead of appended to.</summary>
    public bool ResetsJournal => ContinueAsNew is not null;

    public bool HasChanges { get; init; }
}
