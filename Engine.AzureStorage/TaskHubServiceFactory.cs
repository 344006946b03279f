using Azure.Identity;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>Builds the Framework's Azure Storage orchestration service from the validated options.</summary>
internal static class TaskHubServiceFactory
{
    public static AzureStorageOrchestrationService Create(AzureStorageEngineOptions options, ILoggerFactory loggerFactory)
    {
        var account = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new StorageAccountClientProvider(options.AccountName!, new DefaultAzureCredential())
            : new StorageAccountClientProvider(options.ConnectionString);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = account,
            TaskHubName = options.TaskHub,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(options.MaxQueuePollingIntervalSeconds),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(options.WorkItemVisibilityTimeoutSeconds),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(options.WorkItemVisibilityTimeoutSeconds),
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            // A start whose instance is active must fail (and the caller join it), as on the embedded engine.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,
        };
        return new AzureStorageOrchestrationService(settings);
    }
}
