using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Storage;
using DurableLessons.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Practice;

public static class PracticeStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPracticeStore"/> on the provider chosen by <c>Storage:Provider</c>, next to the lessons.</summary>
    public static IServiceCollection AddPracticeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(ILessonStore)))
        {
            services.AddLessonStorage(configuration);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqlitePracticeStore>();
        services.TryAddSingleton<TablePracticeStore>();
        services.TryAddSingleton<IPracticeStore>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.ProviderKind == StorageProvider.Table
                ? provider.GetRequiredService<TablePracticeStore>()
                : provider.GetRequiredService<SqlitePracticeStore>());
        return services;
    }
}
