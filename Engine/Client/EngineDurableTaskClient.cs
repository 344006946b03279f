using DurableLessons.Engine.Diagnostics;
using DurableLessons.Engine.Dispatch;
using DurableLessons.Engine.Runtime;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using OrchestrationAlreadyExistsException = DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException;

namespace DurableLessons.Engine.Client;

/// <summary>
/// The Durable Task SDK's <see cref="DurableTaskClient"/> over the embedded engine. Every change is one write
/// operation: its checks and its writes happen in the writer's transaction, so they are atomic with respect to each
/// other and to episodes (e.g. of 50 concurrent starts of one id exactly one wins). Control operations (raise,
/// terminate, suspend, resume) queue a message that the instance's next episode applies, as Durable does; rewind also
/// marks the instance Running at once.
/// <para>
/// Errors are the SDK's: a start whose id is active throws the Framework's
/// <see cref="OrchestrationAlreadyExistsException"/>; an unknown instance an <see cref="ArgumentException"/>
/// (<see cref="OrchestrationNotFoundException"/>); an operation its status forbids an
/// <see cref="InvalidOperationException"/> (<see cref="OrchestrationStateException"/>).
/// </para>
/// </summary>
internal sealed class EngineDurableTaskClient(
    JournalWriter writer,
    EngineReader reader,
    EngineDatabase database,
    IInstanceChangeFeed changes,
    TaskCatalog tasks,
    EngineTracing tracing) : DurableTaskClient("embedded")
{
    private const int MaxPageSize = 1000;
    private const int DefaultPageSize = 100;

    /// <summary>What <see cref="OrchestrationMetadata"/> reads payloads with: the JSON every engine writes.</summary>
    public static DataConverter Converter { get; } = new JsonDataConverter(WorkflowJson.Options);

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default) =>
        ScheduleAsync(orchestratorName.Name, Serialize(input), options?.InstanceId, options?.StartAt, cancellation);

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var record = await reader.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation);
        return record is null ? null : ToMetadata(record);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = filter ?? new OrchestrationQuery();
        return Pageable.Create<OrchestrationMetadata>((continuation, pageSize, cancellation) =>
            QueryPageAsync(query, continuation ?? query.ContinuationToken, pageSize ?? query.PageSize, cancellation));
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var payload = Serialize(eventPayload);
        return SendControlAsync(instanceId, "raise an event to", JournalEventTypes.EventRaised, eventName, payload, MessageFlags.None, cancellation);
    }

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        SendControlAsync(
            instanceId,
            "terminate",
            JournalEventTypes.ExecutionTerminated,
            null,
            Serialize(options?.Output),
            options?.Recursive == true ? MessageFlags.Recursive : MessageFlags.None,
            cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendControlAsync(instanceId, "suspend", JournalEventTypes.ExecutionSuspended, null, Serialize(reason), MessageFlags.None, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendControlAsync(instanceId, "resume", JournalEventTypes.ExecutionResumed, null, Serialize(reason), MessageFlags.None, cancellation);

    public override Task RewindInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        return writer.ExecuteAsync(
            session =>
            {
                var state = session.ReadInstance(instanceId) ?? throw new OrchestrationNotFoundException(instanceId);
                if (state.Status != OrchestrationRuntimeStatus.Failed)
                {
                    throw new OrchestrationStateException(instanceId, state.Status, "rewind");
                }

                EpisodeCommit.Rewind(session, instanceId, reason);
                return true;
            },
            cancellation,
            WriteLane.Client);
    }

    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        var original = await reader.GetInstanceAsync(instanceId, withData: true, cancellation)
            ?? throw new OrchestrationNotFoundException(instanceId);
        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        return await ScheduleAsync(original.Name, original.Input, newId, null, cancellation);
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        return writer.ExecuteAsync(
            session =>
            {
                var state = session.ReadInstance(instanceId);
                if (state is null)
                {
                    return new PurgeResult(0);
                }

                if (!state.Status.IsTerminal())
                {
                    throw new OrchestrationStateException(instanceId, state.Status, "purge");
                }

                session.DeleteInstance(instanceId);
                return new PurgeResult(1);
            },
            cancellation,
            WriteLane.Client);
    }

    /// <summary>Purges terminal instances matching the filter; non-terminal ones are never purged.</summary>
    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statuses = (filter.Statuses ?? Enum.GetValues<OrchestrationRuntimeStatus>())
            .Where(status => status.IsTerminal())
            .Distinct()
            .ToList();
        if (statuses.Count == 0)
        {
            return Task.FromResult(new PurgeResult(0));
        }

        return writer.ExecuteAsync(
            session =>
            {
                var ids = session.FindInstances(filter.CreatedFrom?.UtcDateTime, filter.CreatedTo?.UtcDateTime, statuses);
                foreach (var id in ids)
                {
                    session.DeleteInstance(id);
                }

                return new PurgeResult(ids.Count);
            },
            cancellation,
            WriteLane.Client);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, status => status != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, status => status.IsTerminal(), cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Page<OrchestrationMetadata>> QueryPageAsync(OrchestrationQuery query, string? continuation, int pageSize, CancellationToken cancellation)
    {
        pageSize = Math.Clamp(pageSize <= 0 ? DefaultPageSize : pageSize, 1, MaxPageSize);
        var metadata = await database.InitializeAsync(cancellation);
        var after = string.IsNullOrEmpty(continuation)
            ? null
            : ContinuationTokens.Read(continuation, query, metadata.ContinuationTokenKey);
        var rows = await reader.QueryAsync(query, after, pageSize + 1, cancellation);
        var page = rows.Take(pageSize).ToList();
        var token = rows.Count > pageSize
            ? ContinuationTokens.Create(new QueryCursor(page[^1].CreatedAt.Ticks, page[^1].InstanceId), query, metadata.ContinuationTokenKey)
            : null;
        return new Page<OrchestrationMetadata>(page.Select(ToMetadata).ToList(), token);
    }

    private async Task<OrchestrationMetadata> WaitForAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationRuntimeStatus, bool> reached, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        while (true)
        {
            // The version is read with the status, so a change after this read always wakes the wait below.
            var record = await reader.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new OrchestrationNotFoundException(instanceId);
            if (reached(record.Status))
            {
                return ToMetadata(record);
            }

            await changes.WaitForChangeAsync(instanceId, record.Version, cancellation);
        }
    }

    private async Task<string> ScheduleAsync(string orchestratorName, string? input, string? instanceId, DateTimeOffset? startAt, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var name = tasks.OrchestratorName(orchestratorName)
            ?? throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        var id = instanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(id, nameof(instanceId));
        var visibleAt = startAt?.UtcDateTime ?? DateTime.MinValue;
        var trace = tracing.OrchestrationCreated(name, id);
        return await writer.ExecuteAsync(
            session =>
            {
                InstanceWrites.Create(session, id, name, input, parent: null, visibleAt, trace);
                return id;
            },
            cancellation,
            WriteLane.Client);
    }

    private Task<bool> SendControlAsync(
        string instanceId,
        string operation,
        string kind,
        string? name,
        string? payload,
        int flags,
        CancellationToken cancellation)
    {
        InstanceIds.Validate(instanceId);
        return writer.ExecuteAsync(
            session =>
            {
                var state = session.ReadInstance(instanceId) ?? throw new OrchestrationNotFoundException(instanceId);
                if (state.Status.IsTerminal())
                {
                    throw new OrchestrationStateException(instanceId, state.Status, operation);
                }

                session.InsertMessage(new NewMessage(instanceId, null, kind, DateTime.MinValue, Name: name, Payload: payload, Flags: flags));
                return true;
            },
            cancellation,
            WriteLane.Client);
    }

    private static string? Serialize(object? value) => value is null ? null : WorkflowJson.Serialize(value);

    internal static OrchestrationMetadata ToMetadata(InstanceRecord record) => new(record.Name, record.InstanceId)
    {
        DataConverter = Converter,
        RuntimeStatus = record.Status,
        CreatedAt = new DateTimeOffset(record.CreatedAt),
        LastUpdatedAt = new DateTimeOffset(record.LastUpdatedAt),
        SerializedInput = record.Input,
        SerializedOutput = record.Output,
        SerializedCustomStatus = record.CustomStatus,
        FailureDetails = record.Failure is null ? null : (TaskFailureDetails?)WorkflowJson.Deserialize(record.Failure, typeof(TaskFailureDetails)),
    };
}
