using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>
/// Settings of the Durable Task Framework's Azure Storage backend (<c>Engine:Provider=AzureStorage</c>), bound from
/// <c>Engine:AzureStorage</c>. Every host process pointed at the same account and task hub shares the work.
/// </summary>
public sealed class AzureStorageEngineOptions
{
    public const string SectionName = "Engine:AzureStorage";

    public const string DefaultTaskHub = "DurableLessons";

    /// <summary>A storage connection string (Azurite: <c>UseDevelopmentStorage=true</c> or its explicit form).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account, reached with Entra ID (DefaultAzureCredential) when no connection string is set.</summary>
    public string? AccountName { get; set; }

    /// <summary>Names the queues, tables and lease container; processes on one task hub share its instances.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "Engine:AzureStorage:TaskHub must be 3 to 45 letters or digits, starting with a letter.")]
    public string TaskHub { get; set; } = DefaultTaskHub;

    /// <summary>Control queues; at most this many processes run orchestrations at once. Fixed when the task hub is created.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest wait between polls of an empty queue (polling backs off to it); lower is snappier and costs more transactions.</summary>
    [Range(1, 60)]
    public int MaxQueuePollingIntervalSeconds { get; set; } = 10;

    /// <summary>How long a dequeued message stays invisible: a killed process's work is retried by another after it.</summary>
    [Range(5, 3600)]
    public int WorkItemVisibilityTimeoutSeconds { get; set; } = 300;

    [Range(1, 1024)]
    public int MaxConcurrentOrchestrations { get; set; } = 8;

    [Range(1, 4096)]
    public int MaxConcurrentActivities { get; set; } = 32;
}
