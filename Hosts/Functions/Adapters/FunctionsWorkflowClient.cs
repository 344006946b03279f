using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Logging;
using Sdk = Microsoft.DurableTask;
using SdkClient = Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Adapters;

/// <summary>
/// Our <see cref="IWorkflowClient"/> over the invocation's Durable Functions client. Each call maps one to one onto
/// the SDK. Where our port promises more than the SDK (unknown ids and disallowed statuses fail with our exceptions,
/// a non-terminal instance id is never reused) the instance is read first, and SDK errors that report the same
/// conditions (<see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>) are translated.
/// </summary>
public sealed class FunctionsWorkflowClient(DurableClientAccessor clients, ILogger<FunctionsWorkflowClient> logger) : IWorkflowClient
{
    private SdkClient.DurableTaskClient Client => clients.Current;

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        var instanceId = options?.InstanceId;
        if (instanceId is not null)
        {
            await ThrowIfActiveAsync(instanceId, cancellationToken);
        }

        var startOptions = new Sdk.StartOrchestrationOptions(instanceId, options?.StartAt);
        try
        {
            return await Client.ScheduleNewOrchestrationInstanceAsync(new Sdk.TaskName(orchestratorName), input, startOptions, cancellationToken);
        }
        catch (Exception error) when (instanceId is not null && error is not OperationCanceledException)
        {
            // Another start won the race between our check and the backend's own duplicate check.
            logger.LogDebug(error, "Starting {InstanceId} failed; checking whether another start created it", instanceId);
            await ThrowIfActiveAsync(instanceId, cancellationToken);
            throw;
        }
    }

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);
        return metadata is null ? null : InstanceMapping.ToPort(metadata);
    }

    public async Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pages = Client.GetAllInstancesAsync(InstanceMapping.ToSdk(query)).AsPages(query.ContinuationToken, query.PageSize);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            // Durable backends page in their own order; within a page we keep our port's "newest first".
            var values = page.Values.Select(InstanceMapping.ToPort).OrderByDescending(instance => instance.CreatedAt).ToList();
            return new OrchestrationQueryPage(values, page.ContinuationToken);
        }

        return new OrchestrationQueryPage([], null);
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        ManageAsync(instanceId, "raise an event to", IsActive,
            client => client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken), cancellationToken);

    public Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellationToken = default) =>
        ManageAsync(instanceId, "terminate", IsActive,
            client => client.TerminateInstanceAsync(
                instanceId, new SdkClient.TerminateInstanceOptions(options?.Output, options?.Recursive ?? false), cancellationToken),
            cancellationToken);

    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        ManageAsync(instanceId, "suspend", IsActive,
            client => client.SuspendInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        ManageAsync(instanceId, "resume", IsActive,
            client => client.ResumeInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    public Task RewindInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        ManageAsync(instanceId, "rewind", status => status == OrchestrationRuntimeStatus.Failed,
            client => client.RewindInstanceAsync(instanceId, reason ?? string.Empty, cancellationToken), cancellationToken);

    public Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellationToken = default) =>
        ManageAsync(instanceId, "restart", AnyStatus,
            client => client.RestartAsync(instanceId, restartWithNewInstanceId, cancellationToken), cancellationToken);

    public async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var result = await ManageAsync(instanceId, "purge", AnyStatus,
            client => client.PurgeInstanceAsync(instanceId, options: null, cancellationToken), cancellationToken);
        return new PurgeResult(result.PurgedInstanceCount);
    }

    public async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        if (InstanceMapping.ToSdkTerminalOnly(filter) is not { } terminalOnly)
        {
            return new PurgeResult(0);
        }

        var result = await Client.PurgeAllInstancesAsync(terminalOnly, options: null, cancellationToken);
        return new PurgeResult(result.PurgedInstanceCount);
    }

    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var completed = await ManageAsync(instanceId, "wait for", AnyStatus,
            client => client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellationToken), cancellationToken);
        return InstanceMapping.ToPort(completed);
    }

    private static bool IsActive(OrchestrationRuntimeStatus status) => !status.IsTerminal();

    private static bool AnyStatus(OrchestrationRuntimeStatus status) => true;

    private async Task ThrowIfActiveAsync(string instanceId, CancellationToken cancellationToken)
    {
        var existing = await Client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (existing is not null && !InstanceMapping.ToPort(existing.RuntimeStatus).IsTerminal())
        {
            throw new OrchestrationAlreadyExistsException(instanceId, InstanceMapping.ToPort(existing.RuntimeStatus));
        }
    }

    private async Task ManageAsync(
        string instanceId,
        string operation,
        Func<OrchestrationRuntimeStatus, bool> isAllowed,
        Func<SdkClient.DurableTaskClient, Task> call,
        CancellationToken cancellationToken) =>
        await ManageAsync(instanceId, operation, isAllowed, async client =>
        {
            await call(client);
            return true;
        }, cancellationToken);

    /// <summary>Checks the instance exists and allows <paramref name="operation"/>, runs it, and translates the SDK's errors.</summary>
    private async Task<T> ManageAsync<T>(
        string instanceId,
        string operation,
        Func<OrchestrationRuntimeStatus, bool> isAllowed,
        Func<SdkClient.DurableTaskClient, Task<T>> call,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var client = Client;
        var status = await StatusOfAsync(client, instanceId, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
        if (!isAllowed(status))
        {
            throw new OrchestrationStateException(instanceId, status, operation);
        }

        try
        {
            return await call(client);
        }
        catch (ArgumentException error)
        {
            logger.LogDebug(error, "Durable refused to {Operation} {InstanceId}: unknown instance", operation, instanceId);
            throw new OrchestrationNotFoundException(instanceId);
        }
        catch (InvalidOperationException error)
        {
            logger.LogDebug(error, "Durable refused to {Operation} {InstanceId} in its current state", operation, instanceId);
            var current = await StatusOfAsync(client, instanceId, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
            throw new OrchestrationStateException(instanceId, current, operation);
        }
    }

    private static async Task<OrchestrationRuntimeStatus?> StatusOfAsync(
        SdkClient.DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        return metadata is null ? null : InstanceMapping.ToPort(metadata.RuntimeStatus);
    }
}
