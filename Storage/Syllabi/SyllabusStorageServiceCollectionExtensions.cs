using DurableLessons.Shared.Syllabi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Storage.Syllabi;

public static class SyllabusStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ISyllabusStore"/> and <see cref="ISyllabusOwners"/> on the provider chosen by <c>Storage:Provider</c>, next to the lessons.</summary>
    public static IServiceCollection AddSyllabusStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLessonStorageOnce(configuration);
        services.TryAddOnProvider<ISyllabusStore, TableSyllabusStore, SqliteSyllabusStore>();
        return services.TryAddOnProvider<ISyllabusOwners, TableSyllabusOwners, SqliteSyllabusOwners>();
    }
}
