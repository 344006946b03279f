using DurableLessons.Application.Configuration;
using DurableLessons.Application.Lessons;
using DurableLessons.Shared.Syllabi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableLessons.Application.Syllabi;

public static class SyllabusRunServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="SyllabusOptions"/> (section <c>Syllabi</c>) at start, and registers the syllabus
    /// starters and <see cref="LessonStateReader"/> (idempotent). Needs an <see cref="ISyllabusOwners"/> and a lesson store.
    /// </summary>
    public static IServiceCollection AddSyllabusRuns(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(SyllabusRunStarter)))
        {
            return services;
        }

        services.AddLessonRuns(configuration);
        services.AddValidatedOptions<SyllabusOptions>(configuration, SyllabusOptions.SectionName);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SyllabusOptions>>().Value);
        services.AddSingleton<LessonStateReader>();
        services.AddSingleton<SyllabusRunStarter>();
        services.AddSingleton<SyllabusBatchStarter>();
        return services;
    }
}
