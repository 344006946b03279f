namespace DurableLessons.Shared.Workflow;

/// <summary>
/// Our port of Durable Task's <c>DurableTaskClient</c>: start, inspect and manage orchestration instances.
/// The embedded engine implements it directly; the Functions host wraps the real client.
/// Operations on unknown instances throw <see cref="OrchestrationNotFoundException"/>; operations not allowed in the
/// current status throw <see cref="OrchestrationStateException"/>.
/// </summary>
public interface IWorkflowClient
{
    /// <summary>
    /// Schedules a new instance and returns its id (a new GUID "N" string when none is given). Throws
    /// <see cref="OrchestrationAlreadyExistsException"/> when the id belongs to an instance that is not terminal;
    /// a terminal instance with that id is replaced.
    /// </summary>
    Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>The instance's metadata, or null when unknown.</summary>
    Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>One page of instances matching the query, newest first, with a token for the next page.</summary>
    Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default);

    Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default);

    /// <summary>Terminates a non-terminal instance; <see cref="TerminateInstanceOptions.Output"/> becomes its output.</summary>
    Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellationToken = default);

    Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Re-runs a Failed instance: failed activities and sub-orchestrations run again, successful ones are not re-executed.</summary>
    Task RewindInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Starts the instance again with its original input; returns the id used (new GUID or the same id).</summary>
    Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellationToken = default);

    Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Purges terminal instances matching the filter (non-terminal ones are never purged).</summary>
    Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance is Completed, Failed or Terminated.</summary>
    Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);
}
