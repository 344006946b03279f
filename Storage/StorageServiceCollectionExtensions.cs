using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using DurableLessons.Shared.DependencyInjection;
using DurableLessons.Shared.Storage;
using DurableLessons.Storage.Configuration;
using DurableLessons.Storage.Sqlite;
using DurableLessons.Storage.TableStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILessonStore"/> and <see cref="IArtifactStore"/> on the provider named by <c>Storage:Provider</c>:
    /// <c>Sqlite</c> (default; <c>{DataDirectory}/lessons.db</c>) or <c>Table</c> (<c>Storage:Table:ConnectionString</c> or
    /// <c>Storage:Table:Endpoint</c> with DefaultAzureCredential; tables named from <c>Storage:Table:TablePrefix</c>).
    /// Options are validated when the host starts. A <see cref="TimeProvider"/> registered before or after is used for creation times.
    /// </summary>
    public static IServiceCollection AddLessonStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.AddOptions<SqliteStorageOptions>()
            .Configure(options => options.DataDirectory = configuration[SqliteStorageOptions.DataDirectoryKey] ?? SqliteStorageOptions.DefaultDataDirectory)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<SqliteLessonDatabase>();

        // Replaceable: tests swap the credential, or the options' transport and retries; the client keeps its refusal policy.
        services.TryAddSingleton(_ => TableClients.DefaultOptions());
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton(provider => TableClients.Create(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Table,
            provider.GetRequiredService<TableClientOptions>(),
            provider.GetRequiredService<TokenCredential>));
        services.TryAddSingleton<LessonTables>();
        services.TryAddSingleton<TableLessonIndex>();

        services.TryAddOnProvider<ILessonStore, TableLessonStore, SqliteLessonStore>();
        services.TryAddOnProvider<IArtifactStore, TableArtifactStore, SqliteArtifactStore>();
        return services;
    }

    /// <summary>For a store that lives next to the lessons: registers the lesson storage unless it is already there.</summary>
    internal static IServiceCollection AddLessonStorageOnce(this IServiceCollection services, IConfiguration configuration) =>
        services.IsRegistered<ILessonStore>() ? services : services.AddLessonStorage(configuration);

    /// <summary>
    /// Registers <typeparamref name="TService"/> as the <typeparamref name="TTable"/> implementation when <c>Storage:Provider</c>
    /// is <c>Table</c>, as the <typeparamref name="TSqlite"/> one otherwise (both are registered, unless they are already).
    /// </summary>
    internal static IServiceCollection TryAddOnProvider<TService, TTable, TSqlite>(this IServiceCollection services)
        where TService : class
        where TTable : class, TService
        where TSqlite : class, TService
    {
        services.TryAddSingleton<TTable>();
        services.TryAddSingleton<TSqlite>();
        services.TryAddSingleton<TService>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.ProviderKind == StorageProvider.Table
                ? provider.GetRequiredService<TTable>()
                : provider.GetRequiredService<TSqlite>());
        return services;
    }
}
