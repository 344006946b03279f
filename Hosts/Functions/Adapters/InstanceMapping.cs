using DurableLessons.Shared.Workflow;
using SdkClient = Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Adapters;

/// <summary>Instance metadata, statuses, queries and purge filters between the Durable Task client and our port.</summary>
internal static class InstanceMapping
{
    public static IReadOnlyList<OrchestrationRuntimeStatus> TerminalStatuses { get; } =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

#pragma warning disable CS0618 // ContinuedAsNew and Canceled are obsolete in the SDK but still part of the status set.
    public static OrchestrationRuntimeStatus ToPort(SdkClient.OrchestrationRuntimeStatus status) => status switch
    {
        SdkClient.OrchestrationRuntimeStatus.Running => OrchestrationRuntimeStatus.Running,
        SdkClient.OrchestrationRuntimeStatus.Completed => OrchestrationRuntimeStatus.Completed,
        SdkClient.OrchestrationRuntimeStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        SdkClient.OrchestrationRuntimeStatus.Failed => OrchestrationRuntimeStatus.Failed,
        SdkClient.OrchestrationRuntimeStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
        SdkClient.OrchestrationRuntimeStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        SdkClient.OrchestrationRuntimeStatus.Pending => OrchestrationRuntimeStatus.Pending,
        SdkClient.OrchestrationRuntimeStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown Durable runtime status."),
    };

    public static SdkClient.OrchestrationRuntimeStatus ToSdk(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => SdkClient.OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => SdkClient.OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.ContinuedAsNew => SdkClient.OrchestrationRuntimeStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Failed => SdkClient.OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Canceled => SdkClient.OrchestrationRuntimeStatus.Canceled,
        OrchestrationRuntimeStatus.Terminated => SdkClient.OrchestrationRuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => SdkClient.OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => SdkClient.OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown runtime status."),
    };
#pragma warning restore CS0618

    public static OrchestrationMetadata ToPort(SdkClient.OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new OrchestrationMetadata(metadata.Name, metadata.InstanceId)
        {
            RuntimeStatus = ToPort(metadata.RuntimeStatus),
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            SerializedInput = metadata.SerializedInput,
            SerializedOutput = metadata.SerializedOutput,
            SerializedCustomStatus = metadata.SerializedCustomStatus,
            FailureDetails = metadata.FailureDetails is { } failure ? TaskFailureMapping.ToPort(failure) : null,
        };
    }

    public static SdkClient.OrchestrationQuery ToSdk(OrchestrationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new SdkClient.OrchestrationQuery(
            CreatedFrom: query.CreatedFrom,
            CreatedTo: query.CreatedTo,
            Statuses: query.Statuses?.Select(ToSdk).ToList(),
            InstanceIdPrefix: query.InstanceIdPrefix,
            PageSize: query.PageSize,
            FetchInputsAndOutputs: query.FetchInputsAndOutputs,
            ContinuationToken: query.ContinuationToken);
    }

    /// <summary>
    /// The SDK filter for our purge: only terminal statuses, whatever the caller asked for (our port never purges a
    /// running instance). Null when the requested statuses leave nothing to purge.
    /// </summary>
    public static SdkClient.PurgeInstancesFilter? ToSdkTerminalOnly(PurgeInstancesFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statuses = filter.Statuses is null
            ? TerminalStatuses
            : TerminalStatuses.Where(filter.Statuses.Contains).ToList();
        return statuses.Count == 0
            ? null
            : new SdkClient.PurgeInstancesFilter(filter.CreatedFrom, filter.CreatedTo, statuses.Select(ToSdk).ToList());
    }
}
