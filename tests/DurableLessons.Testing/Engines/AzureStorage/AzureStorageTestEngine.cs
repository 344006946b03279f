using DurableLessons.Engine.AzureStorage;
using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DurableLessons.Testing.Engines.AzureStorage;

/// <summary>
/// The Durable Task Framework's <c>TaskHubWorker</c> on its Azure Storage backend, as the host runs it with
/// <c>Engine:Provider=AzureStorage</c>, on a fresh task hub in the test run's Azurite; the task hub is deleted on dispose.
/// </summary>
public sealed class AzureStorageTestEngine : HostedTestEngine
{
    private AzureStorageTestEngine(IHost host, TimeSpan waitTimeout)
        : base(EngineKind.AzureStorage, host, waitTimeout)
    {
    }

    internal static async Task<TestEngine> StartAsync(
        Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services, TestEngineOptions options)
    {
        var azurite = await SharedAzurite.GetAsync();
        var engineSettings = AzuriteTaskHub.Settings(azurite, AzuriteTaskHub.FreshName());
        var host = BuildHost(engineSettings, tasks, services, options, (serviceCollection, configuration) => serviceCollection.AddAzureStorageEngine(configuration));
        return await StartedAsync(new AzureStorageTestEngine(host, options.WaitTimeout), options);
    }

    private protected override async ValueTask ReleaseAsync() =>
        await Services.GetRequiredService<AzureStorageOrchestrationService>().DeleteAsync();
}
