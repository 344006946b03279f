using DurableLessons.Application.Configuration;
using DurableLessons.Application.Lessons;
using DurableLessons.Shared.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Application.Regeneration;

public static class RegenerationServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="RegenerationOptions"/> (section <c>Regeneration</c>) at start and registers <see cref="RegenerationStarter"/> (idempotent).</summary>
    public static IServiceCollection AddRegeneration(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.IsRegistered<RegenerationStarter>())
        {
            return services;
        }

        services.AddLessonRuns(configuration);
        services.AddValidatedOptions<RegenerationOptions>(configuration, RegenerationOptions.SectionName);
        services.AddSingleton<RegenerationStarter>();
        return services;
    }
}
