using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Syllabi;

public static class SyllabusStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ISyllabusStore"/> and <see cref="ISyllabusOwners"/> on the provider chosen by <c>Storage:Provider</c>, next to the lessons.</summary>
    public static IServiceCollection AddSyllabusStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(ILessonStore)))
        {
            services.AddLessonStorage(configuration);
        }

        services.TryAddSingleton<SqliteSyllabusStore>();
        services.TryAddSingleton<TableSyllabusStore>();
        services.TryAddSingleton<ISyllabusStore>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.ProviderKind == StorageProvider.Table
                ? provider.GetRequiredService<TableSyllabusStore>()
                : provider.GetRequiredService<SqliteSyllabusStore>());
        services.TryAddSingleton<SqliteSyllabusOwners>();
        services.TryAddSingleton<TableSyllabusOwners>();
        services.TryAddSingleton<ISyllabusOwners>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.ProviderKind == StorageProvider.Table
                ? provider.GetRequiredService<TableSyllabusOwners>()
                : provider.GetRequiredService<SqliteSyllabusOwners>());
        return services;
    }
}
