using DurableLessons.Application.Configuration;
using DurableLessons.Application.Lessons;
using DurableLessons.Shared.DependencyInjection;
using DurableLessons.Shared.Syllabi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Application.Syllabi;

public static class SyllabusRunServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="SyllabusOptions"/> (section <c>Syllabi</c>) at start, and registers the syllabus
    /// starters and <see cref="LessonStateReader"/> (idempotent). Needs an <see cref="ISyllabusOwners"/> and a lesson store.
    /// </summary>
    public static IServiceCollection AddSyllabusRuns(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.IsRegistered<SyllabusRunStarter>())
        {
            return services;
        }

        services.AddLessonRuns(configuration);
        services.AddValidatedOptions<SyllabusOptions>(configuration, SyllabusOptions.SectionName).AlsoAsValue();
        services.AddSingleton<LessonStateReader>();
        services.AddSingleton<SyllabusRunStarter>();
        services.AddSingleton<SyllabusBatchStarter>();
        return services;
    }
}
