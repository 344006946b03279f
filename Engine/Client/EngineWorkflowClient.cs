using DurableLessons.Engine.Dispatch;
using DurableLessons.Engine.Runtime;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Workflow;

namespace DurableLessons.Engine.Client;

/// <summary>
/// <see cref="IWorkflowClient"/> of the embedded engine. Every change is one write operation: its checks and its
/// writes happen in the writer's transaction, so they are atomic with respect to each other and to episodes
/// (e.g. of 50 concurrent starts of one id exactly one wins). Control operations (raise, terminate, suspend,
/// resume) queue a message that the instance's next episode applies, as Durable does; rewind also marks the
/// instance Running at once.
/// </summary>
internal sealed class EngineWorkflowClient(
    JournalWriter writer,
    EngineReader reader,
    EngineDatabase database,
    IInstanceChangeFeed changes,
    WorkflowRegistry registry) : IWorkflowClient
{
    private const int MaxPageSize = 1000;

    public Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ScheduleAsync(orchestratorName, Serialize(input), options?.InstanceId, options?.StartAt, cancellationToken);

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var record = await reader.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);
        return record is null ? null : ToMetadata(record);
    }

    public async Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        var pageSize = Math.Min(query.PageSize, MaxPageSize);
        var metadata = await database.InitializeAsync(cancellationToken);
        var after = string.IsNullOrEmpty(query.ContinuationToken)
            ? null
            : ContinuationTokens.Read(query.ContinuationToken, query, metadata.ContinuationTokenKey);
        var rows = await reader.QueryAsync(query, after, pageSize + 1, cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var token = rows.Count > pageSize
            ? ContinuationTokens.Create(new QueryCursor(page[^1].CreatedAt.Ticks, page[^1].InstanceId), query, metadata.ContinuationTokenKey)
            : null;
        return new OrchestrationQueryPage(page.Select(ToMetadata).ToList(), token);
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var payload = Serialize(eventPayload);
        return SendControlAsync(instanceId, "raise an event to", JournalEventTypes.EventRaised, eventName, payload, MessageFlags.None, cancellationToken);
    }

    public Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(
            instanceId,
            "terminate",
            JournalEventTypes.ExecutionTerminated,
            null,
            Serialize(options?.Output),
            options?.Recursive == true ? MessageFlags.Recursive : MessageFlags.None,
            cancellationToken);

    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(instanceId, "suspend", JournalEventTypes.ExecutionSuspended, null, Serialize(reason), MessageFlags.None, cancellationToken);

    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(instanceId, "resume", JournalEventTypes.ExecutionResumed, null, Serialize(reason), MessageFlags.None, cancellationToken);

    public Task RewindInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
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
            cancellationToken);
    }

    public async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        var original = await reader.GetInstanceAsync(instanceId, withData: true, cancellationToken)
            ?? throw new OrchestrationNotFoundException(instanceId);
        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        return await ScheduleAsync(original.Name, original.Input, newId, null, cancellationToken);
    }

    public Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
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
            cancellationToken);
    }

    public Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
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
            cancellationToken);
    }

    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        while (true)
        {
            // The version is read with the status, so a change after this read always wakes the wait below.
            var record = await reader.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken)
                ?? throw new OrchestrationNotFoundException(instanceId);
            if (record.Status.IsTerminal())
            {
                return ToMetadata(record);
            }

            await changes.WaitForChangeAsync(instanceId, record.Version, cancellationToken);
        }
    }

    private async Task<string> ScheduleAsync(string orchestratorName, string? input, string? instanceId, DateTimeOffset? startAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        if (!registry.Orchestrators.TryGetValue(orchestratorName, out var type))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        }

        var id = instanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(id, nameof(instanceId));
        var name = WorkflowRegistry.NameOf(type);
        var visibleAt = startAt?.UtcDateTime ?? DateTime.MinValue;
        return await writer.ExecuteAsync(
            session =>
            {
                InstanceWrites.Create(session, id, name, input, parent: null, visibleAt);
                return id;
            },
            cancellationToken);
    }

    private Task<bool> SendControlAsync(
        string instanceId,
        string operation,
        string kind,
        string? name,
        string? payload,
        int flags,
        CancellationToken cancellationToken)
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
            cancellationToken);
    }

    private static string? Serialize(object? value) => value is null ? null : WorkflowJson.Serialize(value);

    private static OrchestrationMetadata ToMetadata(InstanceRecord record) => new(record.Name, record.InstanceId)
    {
        RuntimeStatus = record.Status,
        CreatedAt = new DateTimeOffset(record.CreatedAt),
        LastUpdatedAt = new DateTimeOffset(record.LastUpdatedAt),
        SerializedInput = record.Input,
        SerializedOutput = record.Output,
        SerializedCustomStatus = record.CustomStatus,
        FailureDetails = record.Failure is null ? null : (TaskFailureDetails?)WorkflowJson.Deserialize(record.Failure, typeof(TaskFailureDetails)),
    };
}
