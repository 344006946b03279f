using DurableLessons.Engine.Client;
using DurableLessons.Shared.Serialization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using CoreOrchestrationQuery = DurableTask.Core.Query.OrchestrationQuery;
using CorePurgeInstanceFilter = DurableTask.Core.PurgeInstanceFilter;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>
/// The SDK's <see cref="DurableTaskClient"/> over the Framework's Azure Storage service, with the same contract as the
/// embedded engine's: payloads are System.Text.Json (<see cref="WorkflowJson"/>); a start whose id is active throws
/// <see cref="OrchestrationAlreadyExistsException"/>; an unknown instance an <see cref="ArgumentException"/>; an
/// operation its status forbids an <see cref="InvalidOperationException"/>. Any process on the task hub can manage
/// any instance, whoever started it.
/// </summary>
internal sealed class TaskHubDurableTaskClient(AzureStorageOrchestrationService service, SdkTaskDispatch tasks) : DurableTaskClient("azure-storage")
{
    private static readonly TimeSpan WaitPollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Statuses under which an instance id is taken: starting it again joins, never replaces.</summary>
    private static readonly CoreStatus[] ActiveStatuses = [CoreStatus.Running, CoreStatus.Pending, CoreStatus.Suspended];

    public static DataConverter Converter { get; } = new JsonDataConverter(WorkflowJson.Options);

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name);
        if (!tasks.HasOrchestrator(orchestratorName.Name))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName.Name}' is registered.", nameof(orchestratorName));
        }

        return CreateAsync(orchestratorName.Name, Converter.Serialize(input), options?.InstanceId, options?.StartAt, cancellation, DedupeStatuses(options));
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs);
        if (states is not { Count: > 0 })
        {
            return null;
        }

        var state = states[0];
        return state.OrchestrationStatus == CoreStatus.Failed
            ? ToMetadata(state, await TaskHubFailures.ReadAsync(service, state))
            : ToMetadata(state);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = filter ?? new OrchestrationQuery();
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var result = await service.GetOrchestrationWithQueryAsync(
                new CoreOrchestrationQuery
                {
                    RuntimeStatus = query.Statuses?.Select(status => status.ToCoreStatus()).ToList(),
                    CreatedTimeFrom = query.CreatedFrom?.UtcDateTime,
                    CreatedTimeTo = query.CreatedTo?.UtcDateTime,
                    PageSize = pageSize ?? query.PageSize,
                    ContinuationToken = continuation ?? query.ContinuationToken,
                    InstanceIdPrefix = query.InstanceIdPrefix,
                    FetchInputsAndOutputs = query.FetchInputsAndOutputs,
                },
                cancellation);
            return new Page<OrchestrationMetadata>(result.OrchestrationState.Select(state => ToMetadata(state)).ToList(), result.ContinuationToken);
        });
    }

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        await RequireActiveAsync(instanceId, "raise an event to", cancellation);
        await SendAsync(instanceId, new EventRaisedEvent(-1, Converter.Serialize(eventPayload)) { Name = eventName });
    }

    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await RequireActiveAsync(instanceId, "terminate", cancellation);
        await service.ForceTerminateTaskOrchestrationAsync(instanceId, Converter.Serialize(options?.Output));
    }

    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await RequireActiveAsync(instanceId, "suspend", cancellation);
        await SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));
    }

    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await RequireActiveAsync(instanceId, "resume", cancellation);
        await SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));
    }

    /// <summary>The Framework's rewind: failed tasks are removed from the history and the instance runs on from there.</summary>
    public override async Task RewindInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        var status = (await RequireAsync(instanceId, cancellation)).RuntimeStatus;
        if (status != OrchestrationRuntimeStatus.Failed)
        {
            throw new OrchestrationStateException(instanceId, status, "rewind");
        }

        await service.RewindTaskOrchestrationAsync(instanceId, reason ?? string.Empty);
    }

    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: true);
        var original = states is { Count: > 0 } ? states[0] : throw NotFound(instanceId);
        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        return await CreateAsync(original.Name, original.Input, newId, null, cancellation);
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (await GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation) is not { } instance)
        {
            return new PurgeResult(0);
        }

        if (!instance.IsCompleted)
        {
            throw new OrchestrationStateException(instanceId, instance.RuntimeStatus, "purge");
        }

        var result = await ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <summary>Purges terminal instances matching the filter; non-terminal ones are never purged.</summary>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statuses = (filter.Statuses ?? Enum.GetValues<OrchestrationRuntimeStatus>())
            .Where(status => status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
            .Distinct()
            .Select(status => status.ToCoreStatus())
            .ToList();
        if (statuses.Count == 0)
        {
            return new PurgeResult(0);
        }

        cancellation.ThrowIfCancellationRequested();
        var result = await ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(
            new CorePurgeInstanceFilter((filter.CreatedFrom ?? DateTimeOffset.MinValue).UtcDateTime, filter.CreatedTo?.UtcDateTime, statuses));
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, status => status != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(
            instanceId,
            getInputsAndOutputs,
            status => status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated,
            cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// The Framework queues the start message and then writes the instance row only if it is still as it read it; a
    /// start that lost that race to another process leaves no trace (the task hub discards its message), so it is
    /// recognised here by the row naming another execution, and reported as the SDK reports a taken id.
    /// </summary>
    private async Task<string> CreateAsync(
        string name, string? input, string? instanceId, DateTimeOffset? startAt, CancellationToken cancellation, CoreStatus[]? dedupeStatuses = null)
    {
        cancellation.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance { InstanceId = instanceId ?? Guid.NewGuid().ToString("N"), ExecutionId = Guid.NewGuid().ToString("N") };
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, input) { Name = name, Version = string.Empty, OrchestrationInstance = instance, ScheduledStartTime = startAt?.UtcDateTime },
        };
        await service.CreateTaskOrchestrationAsync(message, dedupeStatuses ?? ActiveStatuses);
        var states = await service.GetOrchestrationStateAsync(instance.InstanceId, allExecutions: false, fetchInput: false);
        if (states is not { Count: > 0 } || states[0].OrchestrationInstance.ExecutionId != instance.ExecutionId)
        {
            throw new OrchestrationAlreadyExistsException($"Orchestration instance '{instance.InstanceId}' was started by another request meanwhile.");
        }

        return instance.InstanceId;
    }

    /// <summary>The active statuses, and the finished ones the caller also refuses to replace.</summary>
    private static CoreStatus[] DedupeStatuses(StartOrchestrationOptions? options) =>
        [.. ActiveStatuses.Union((options?.DedupeStatuses ?? []).Select(name => Enum.Parse<OrchestrationRuntimeStatus>(name, ignoreCase: true).ToCoreStatus()))];

    private async Task<OrchestrationMetadata> WaitForAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationRuntimeStatus, bool> reached, CancellationToken cancellation)
    {
        while (true)
        {
            var instance = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) ?? throw NotFound(instanceId);
            if (reached(instance.RuntimeStatus))
            {
                return instance;
            }

            await Task.Delay(WaitPollInterval, cancellation);
        }
    }

    private async Task<OrchestrationMetadata> RequireAsync(string instanceId, CancellationToken cancellation) =>
        await GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation) ?? throw NotFound(instanceId);

    private async Task RequireActiveAsync(string instanceId, string operation, CancellationToken cancellation)
    {
        var instance = await RequireAsync(instanceId, cancellation);
        if (instance.IsCompleted)
        {
            throw new OrchestrationStateException(instanceId, instance.RuntimeStatus, operation);
        }
    }

    private Task SendAsync(string instanceId, HistoryEvent historyEvent) =>
        service.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = historyEvent });

    private static OrchestrationNotFoundException NotFound(string instanceId) => new(instanceId);

    /// <summary>A failed instance's failure is its details (read from the history by single reads), not its output.</summary>
    private static OrchestrationMetadata ToMetadata(DurableTask.Core.OrchestrationState state, TaskFailureDetails? failure = null) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        DataConverter = Converter,
        RuntimeStatus = state.OrchestrationStatus.ToRuntimeStatus(),
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = state.Input,
        SerializedOutput = state.OrchestrationStatus == CoreStatus.Failed ? null : state.Output,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.OrchestrationStatus == CoreStatus.Failed
            ? failure ?? state.FailureDetails.ToTaskFailureDetails() ?? TaskHubFailures.FromSummary(state.Output)
            : null,
    };
}
