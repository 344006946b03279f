using DurableLessons.Engine;
using DurableLessons.Engine.AzureStorage;
using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        var configuration = AzuriteTaskHub.Settings(azurite, AzuriteTaskHub.FreshName());
        foreach (var (key, value) in options.Settings)
        {
            configuration[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.AddProvider(new Logging.CapturedLogs(options.Output, LogLevel.Warning));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        services?.Invoke(builder.Services);
        builder.Services.AddDurableTasks(tasks);
        builder.Services.AddAzureStorageEngine(builder.Configuration);
        var host = builder.Build();
        var engine = new AzureStorageTestEngine(host, options.WaitTimeout);
        if (options.Start)
        {
            await host.StartAsync();
        }

        return engine;
    }

    private protected override async ValueTask ReleaseAsync() =>
        await Services.GetRequiredService<AzureStorageOrchestrationService>().DeleteAsync();
}
