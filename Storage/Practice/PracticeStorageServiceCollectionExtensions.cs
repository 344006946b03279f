using DurableLessons.Shared.Practice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Storage.Practice;

public static class PracticeStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPracticeStore"/> on the provider chosen by <c>Storage:Provider</c>, next to the lessons.</summary>
    public static IServiceCollection AddPracticeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLessonStorageOnce(configuration);
        services.TryAddSingleton(TimeProvider.System);
        return services.TryAddOnProvider<IPracticeStore, TablePracticeStore, SqlitePracticeStore>();
    }
}
