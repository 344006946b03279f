using DurableLessons.Engine.Client;
using DurableLessons.Engine.Diagnostics;
using DurableLessons.Engine.Dispatch;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the embedded durable engine: <see cref="IWorkflowClient"/>, <see cref="IOrchestrationHistoryReader"/>,
    /// <see cref="IInstanceChangeFeed"/> and the hosted service that runs orchestrations and activities. Settings come
    /// from the "Engine" section (see <see cref="EngineOptions"/>); the database is <c>{DataDirectory}/durable.db</c>
    /// unless <c>Engine:DatabasePath</c> is set. Tasks come from the <see cref="WorkflowRegistry"/> that
    /// <c>AddWorkflowTasks</c> fills, before or after this call.
    /// </summary>
    public static IServiceCollection AddDurableEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EngineOptions>()
            .Bind(configuration.GetSection(EngineOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.DatabasePath))
                {
                    var dataDirectory = configuration[EngineOptions.DataDirectoryKey];
                    options.DatabasePath = Path.Combine(
                        string.IsNullOrWhiteSpace(dataDirectory) ? EngineOptions.DefaultDataDirectory : dataDirectory,
                        EngineOptions.DatabaseFileName);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new WorkflowRegistry());

        services.AddMetrics();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton<EngineDatabase>();
        services.TryAddSingleton<JournalWriter>();
        services.TryAddSingleton<EngineReader>();
        services.TryAddSingleton<ExecutorCache>();
        services.TryAddSingleton<EngineWorkQueues>();
        services.TryAddSingleton<InstanceChangeFeed>();
        services.TryAddSingleton<EpisodeCommit>();
        services.TryAddSingleton<TaskActivator>();
        services.TryAddSingleton<EpisodeRunner>();
        services.TryAddSingleton<ActivityRunner>();
        services.AddSingleton<ICommitListener>(sp => sp.GetRequiredService<EngineWorkQueues>());
        services.AddSingleton<ICommitListener>(sp => sp.GetRequiredService<InstanceChangeFeed>());

        services.TryAddSingleton<IInstanceChangeFeed>(sp => sp.GetRequiredService<InstanceChangeFeed>());
        services.TryAddSingleton<IWorkflowClient, EngineWorkflowClient>();
        services.TryAddSingleton<IOrchestrationHistoryReader, OrchestrationHistoryReader>();
        services.AddHostedService<DurableEngineHostedService>();
        return services;
    }
}
