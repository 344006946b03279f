using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.AzureStorage;

public static class AzureStorageEngineServiceCollectionExtensions
{
    /// <summary>
    /// Runs the host's workflows on the Durable Task Framework with its Azure Storage backend instead of the embedded
    /// engine: the SDK's <see cref="DurableTaskClient"/>, <see cref="IOrchestrationHistoryReader"/> and a hosted
    /// <c>TaskHubWorker</c>, configured from <c>Engine:AzureStorage</c> (<see cref="AzureStorageEngineOptions"/>).
    /// Tasks come from the <see cref="DurableTaskRegistry"/> that <c>AddDurableTasks</c> fills.
    /// </summary>
    public static IServiceCollection AddAzureStorageEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AzureStorageEngineOptions>()
            .Bind(configuration.GetSection(AzureStorageEngineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureStorageEngineOptions>, AzureStorageEngineOptionsValidator>();

        services.AddSingleton(sp => TaskHubServiceFactory.Create(
            sp.GetRequiredService<IOptions<AzureStorageEngineOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new DurableTaskShimFactory(
            new DurableTaskWorkerOptions { DataConverter = TaskHubDurableTaskClient.Converter }, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<SdkTaskDispatch>();
        services.AddSingleton<TaskHubDurableTaskClient>();
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<TaskHubDurableTaskClient>());
        services.AddSingleton<IOrchestrationHistoryReader, TaskHubHistoryReader>();
        services.AddHostedService<TaskHubWorkerService>();
        return services;
    }
}
