using DurableLessons.Application.Configuration;
using DurableLessons.Application.Runs;
using DurableLessons.Shared.DependencyInjection;
using DurableLessons.Shared.Lessons;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Application.Lessons;

public static class LessonRunServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="LessonOptions"/> (section <c>Lessons</c>) at start, and registers
    /// <see cref="LessonRunInputs"/> and <see cref="LessonRunStarter"/> (idempotent). Needs an
    /// <see cref="Shared.Research.IResearchSourceDirectory"/>.
    /// </summary>
    public static IServiceCollection AddLessonRuns(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.IsRegistered<LessonRunStarter>())
        {
            return services;
        }

        services.AddValidatedOptions<LessonOptions>(configuration, LessonOptions.SectionName).AlsoAsValue();
        services.AddRunStarter();
        services.AddSingleton<LessonRunInputs>();
        services.AddSingleton<LessonRunStarter>();
        return services;
    }
}
