using DurableLessons.AzureStorageEngine.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DurableLessons.AzureStorageEngine.Tests;

/// <summary>A configuration the host cannot run on stops it at start-up, naming the setting to fix.</summary>
[Collection(OneAzurite.Name)]
public sealed class StartupRefusalTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_unknown_engine_provider_is_refused_naming_the_setting_and_the_choices()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunningHost.StartAsync(new Dictionary<string, string> { ["Engine:Provider"] = "Cosmos" }));

        Assert.Contains("Engine:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cosmos", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_storage_with_the_per_process_sqlite_store_is_refused()
    {
        var settings = TaskHubSettings.Fresh(azurite);
        settings.Remove("Storage:Provider");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningHost.StartAsync(settings));

        Assert.Contains("Storage:Provider=Table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_storage_without_an_account_is_refused_naming_both_ways_to_name_one()
    {
        var settings = TaskHubSettings.Fresh(azurite);
        settings.Remove("Engine:AzureStorage:ConnectionString");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync(settings));

        Assert.Contains("Engine:AzureStorage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Engine:AzureStorage:AccountName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_hub_name_storage_cannot_use_is_refused()
    {
        var settings = TaskHubSettings.Fresh(azurite);
        settings["Engine:AzureStorage:TaskHub"] = "my-hub";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync(settings));

        Assert.Contains("Engine:AzureStorage:TaskHub", error.Message, StringComparison.Ordinal);
    }
}
