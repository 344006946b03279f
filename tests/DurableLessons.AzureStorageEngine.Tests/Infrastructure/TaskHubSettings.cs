namespace DurableLessons.AzureStorageEngine.Tests.Infrastructure;

/// <summary>A host's settings for a fresh task hub and fresh tables on the collection's Azurite.</summary>
internal static class TaskHubSettings
{
    /// <summary>Settings for a host on <paramref name="taskHub"/>; hosts given the same name and tables share runs and lessons.</summary>
    public static Dictionary<string, string> For(AzuriteFixture azurite, string taskHub, IReadOnlyDictionary<string, string?> tables)
    {
        var settings = AzuriteTaskHub.Settings(azurite.Server, taskHub);
        foreach (var (key, value) in tables)
        {
            settings[key] = value;
        }

        return settings.ToDictionary(pair => pair.Key, pair => pair.Value ?? string.Empty);
    }

    public static Dictionary<string, string> Fresh(AzuriteFixture azurite) =>
        For(azurite, AzuriteTaskHub.FreshName(), azurite.FreshTableSettings());
}
