using System.Text.Json;

namespace DurableLessons.Shared.Workflow;

/// <summary>Mirrors Durable Task's <c>OrchestrationMetadata</c>. Serialized payloads are JSON text.</summary>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    public bool IsCompleted => RuntimeStatus.IsTerminal();

    public T? ReadInputAs<T>() => Read<T>(SerializedInput);

    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    private static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, WorkflowJson.Options);
}

/// <summary>Mirrors Durable Task's <c>OrchestrationQuery</c> (page size, filters, continuation).</summary>
public sealed record OrchestrationQuery
{
    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    public string? InstanceIdPrefix { get; init; }

    public int PageSize { get; init; } = 100;

    public bool FetchInputsAndOutputs { get; init; }

    public string? ContinuationToken { get; init; }
}

/// <summary>One page of a query, as Durable Task's <c>Page&lt;OrchestrationMetadata&gt;</c>.</summary>
public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Values, string? ContinuationToken);

/// <summary>Mirrors Durable Task's <c>TerminateInstanceOptions</c>.</summary>
public sealed record TerminateInstanceOptions(object? Output = null, bool Recursive = false);

/// <summary>Mirrors Durable Task's <c>PurgeInstancesFilter</c>.</summary>
public sealed record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary>Mirrors Durable Task's <c>PurgeResult</c>.</summary>
public sealed record PurgeResult(int PurgedInstanceCount);
