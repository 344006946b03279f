using DurableLessons.Shared.Syllabi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Llm.Syllabi;

public static class SyllabusAuthorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISyllabusAuthor"/> on the same <c>Llm:Providers</c> as the lesson author: the model
    /// chain when a provider is configured, the offline planner otherwise. Adds the lesson author too when it is not registered yet.
    /// </summary>
    public static IServiceCollection AddSyllabusAuthor(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModelOrOffline<ISyllabusAuthor>(
            configuration,
            parts => new ModelSyllabusAuthor(parts.Options, parts.Credentials, parts.Telemetry, parts.Time, parts.Logger<ModelSyllabusAuthor>()),
            () => new OfflineSyllabusAuthor());
}
