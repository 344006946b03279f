using DurableLessons.Testing.Azurite;

namespace DurableLessons.Testing.Engines.AzureStorage;

/// <summary>
/// Settings that put the host's engine on a task hub of its own in an Azurite (<c>Engine:Provider=AzureStorage</c>),
/// polling at most a second apart so tests do not wait on the production back-off, and retrying a dead process's
/// work items after 20 s instead of 5 min.
/// </summary>
public static class AzuriteTaskHub
{
    /// <summary>A task hub name no other test uses (letters and digits, as Azure Storage names must be).</summary>
    public static string FreshName() => $"t{Guid.NewGuid():N}"[..16];

    public static Dictionary<string, string?> Settings(AzuriteServer azurite, string taskHub)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return new Dictionary<string, string?>
        {
            ["Engine:Provider"] = "AzureStorage",
            ["Engine:AzureStorage:ConnectionString"] = azurite.ConnectionString,
            ["Engine:AzureStorage:TaskHub"] = taskHub,
            ["Engine:AzureStorage:MaxQueuePollingIntervalSeconds"] = "1",
            ["Engine:AzureStorage:WorkItemVisibilityTimeoutSeconds"] = "20",
        };
    }
}
