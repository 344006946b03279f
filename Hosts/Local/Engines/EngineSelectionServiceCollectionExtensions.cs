using DurableLessons.Engine;
using DurableLessons.Engine.AzureStorage;
using DurableLessons.Hosts.Common;
using DurableLessons.Hosts.Local.Scheduling;
using DurableLessons.Http.Streaming;

namespace DurableLessons.Hosts.Local.Engines;

public static class EngineSelectionServiceCollectionExtensions
{
    public const string ProviderKey = "Engine:Provider";

    private const string StorageProviderKey = "Storage:Provider";

    /// <summary>
    /// Adds the engine <c>Engine:Provider</c> names, its run-change signal for the event stream, and the tasks of
    /// <see cref="LessonServiceCollectionExtensions.RegisterTasks"/>. A configuration the host cannot run fails here,
    /// at start-up, naming the settings.
    /// </summary>
    public static IServiceCollection AddSelectedDurableEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDurableTasks(LessonServiceCollectionExtensions.RegisterTasks);
        switch (ReadProvider(configuration))
        {
            case EngineProvider.AzureStorage:
                RequireSharedStore(configuration);
                services.AddAzureStorageEngine(configuration);
                // Every process's cron fires: one claims each occurrence (before AddLocalSchedules' single-process default).
                services.AddDurableTasks(tasks => tasks.AddOrchestrator<ScheduleTickOrchestrator>(ScheduleTickOrchestrator.Name));
                services.AddSingleton<IScheduleTickClaim, TaskHubTickClaim>();
                // No push notifications across processes: the stream reads the run every RunEvents:PollIntervalSeconds.
                services.AddRunEvents(configuration);
                break;
            default:
                services.AddDurableEngine(configuration);
                services.AddRunEvents(configuration, sp => new ChangeFeedRunChangeSignal(sp.GetRequiredService<IInstanceChangeFeed>().WaitForChangeAsync));
                break;
        }

        return services;
    }

    public static EngineProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return EngineProvider.Sqlite;
        }

        return Enum.TryParse<EngineProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !int.TryParse(value, out _)
            ? provider
            : throw new InvalidOperationException(
                $"{ProviderKey} is '{value}'; it must be {nameof(EngineProvider.Sqlite)} (the embedded engine, the default) or {nameof(EngineProvider.AzureStorage)}.");
    }

    /// <summary>
    /// Processes on one task hub share runs, so what the runs read and write must be shared too: a per-process SQLite
    /// store would hold each lesson in whichever process's file its activity happened to run.
    /// </summary>
    private static void RequireSharedStore(IConfiguration configuration)
    {
        var store = configuration[StorageProviderKey];
        if (!string.Equals(store, "Table", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{ProviderKey}=AzureStorage needs lessons, syllabi and practice sessions in Table storage shared by every process: " +
                $"set {StorageProviderKey}=Table (and Storage:Table:*), not '{(string.IsNullOrWhiteSpace(store) ? "Sqlite (the default)" : store)}'.");
        }
    }
}
