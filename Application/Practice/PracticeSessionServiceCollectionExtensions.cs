using DurableLessons.Application.Configuration;
using DurableLessons.Application.Runs;
using DurableLessons.Shared.DependencyInjection;
using DurableLessons.Shared.Practice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Application.Practice;

public static class PracticeSessionServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="PracticeOptions"/> (section <c>Practice</c>) at start and registers <see cref="PracticeSessionStarter"/> (idempotent).</summary>
    public static IServiceCollection AddPracticeSessions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.IsRegistered<PracticeSessionStarter>())
        {
            return services;
        }

        services.AddValidatedOptions<PracticeOptions>(configuration, PracticeOptions.SectionName);
        services.AddRunStarter();
        services.AddSingleton<PracticeSessionStarter>();
        return services;
    }
}
