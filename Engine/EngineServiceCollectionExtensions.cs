using DurableLessons.Engine.Client;
using DurableLessons.Engine.Diagnostics;
using DurableLessons.Engine.Dispatch;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the embedded durable engine: the Durable Task SDK's <see cref="DurableTaskClient"/>, <see cref="IOrchestrationHistoryReader"/>,
    /// <see cref="IInstanceChangeFeed"/> and the hosted service that runs orchestrations and activities. Settings come
    /// from the "Engine" section (see <see cref="EngineOptions"/>); the database is <c>{DataDirectory}/durable.db</c>
    /// unless <c>Engine:DatabasePath</c> is set. Tasks come from the <see cref="DurableTaskRegistry"/> that
    /// <see cref="AddDurableTasks"/> fills, before or after this call.
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
        services.TryAddSingleton(sp => new TaskCatalog(sp.GetRequiredService<DurableTaskRegistry>()));
        TaskRegistry(services);

        services.AddMetrics();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton<ForegroundRequests>();
        services.TryAddSingleton<EngineTracing>();
        services.TryAddSingleton<EngineDatabase>();
        services.TryAddSingleton<JournalWriter>();
        services.TryAddSingleton<EngineReader>();
        services.TryAddSingleton<ExecutorCache>();
        services.TryAddSingleton<EngineWorkQueues>();
        services.TryAddSingleton<InstanceChangeFeed>();
        services.TryAddSingleton<EpisodeCommit>();
        services.TryAddSingleton<EpisodeRunner>();
        services.TryAddSingleton<ActivityRunner>();
        services.AddSingleton<ICommitListener>(sp => sp.GetRequiredService<EngineWorkQueues>());
        services.AddSingleton<ICommitListener>(sp => sp.GetRequiredService<InstanceChangeFeed>());

        services.TryAddSingleton<IInstanceChangeFeed>(sp => sp.GetRequiredService<InstanceChangeFeed>());
        services.TryAddSingleton<EngineDurableTaskClient>();
        services.TryAddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<EngineDurableTaskClient>());
        services.TryAddSingleton<IOrchestrationHistoryReader, OrchestrationHistoryReader>();
        services.AddHostedService<DurableEngineHostedService>();
        return services;
    }

    /// <summary>
    /// Adds orchestrators and activities to the engine's single <see cref="DurableTaskRegistry"/>, with the registration
    /// methods the Durable Task SDK's worker takes (<c>AddOrchestrator&lt;T&gt;</c>, <c>AddActivity&lt;T&gt;</c>).
    /// </summary>
    public static IServiceCollection AddDurableTasks(this IServiceCollection services, Action<DurableTaskRegistry> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        configure(TaskRegistry(services));
        return services;
    }

    private static DurableTaskRegistry TaskRegistry(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(DurableTaskRegistry))?.ImplementationInstance is DurableTaskRegistry registry)
        {
            return registry;
        }

        registry = new DurableTaskRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
