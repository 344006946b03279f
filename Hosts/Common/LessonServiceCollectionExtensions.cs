using DurableLessons.Activities;
using DurableLessons.Hosts.Common.Telemetry;
using DurableLessons.Http.Lessons;
using DurableLessons.Http.Practice;
using DurableLessons.Http.Runs;
using DurableLessons.Http.Syllabi;
using DurableLessons.Llm;
using DurableLessons.Llm.Practice;
using DurableLessons.Llm.Syllabi;
using DurableLessons.Orchestrations;
using DurableLessons.Research;
using DurableLessons.Shared.Runs;
using DurableLessons.Storage;
using DurableLessons.Storage.Practice;
using DurableLessons.Storage.Syllabi;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Hosts.Common;

/// <summary>
/// The product's services, composed once for both hosts: storage, research, the LLM chain, what activities need and
/// the /api handlers. Each host adds only what is its own (the embedded engine and its task registry, or the Durable
/// Functions bindings), and registers <see cref="RegisterTasks"/>'s workflows.
/// </summary>
public static class LessonServiceCollectionExtensions
{
    public static IServiceCollection AddDurableLessons(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddScoped<ActivityCancellation>();
        services.AddLessonStorage(configuration);
        services.AddResearch(configuration);
        services.AddLessonAuthor(configuration);
        services.AddLessonHttp(configuration);
        services.AddSyllabusStorage(configuration).AddSyllabusAuthor(configuration).AddSyllabusHttp(configuration);
        services.AddPracticeStorage(configuration).AddPracticeTutor(configuration).AddPracticeHttp(configuration);
        services.AddAdminHttp(configuration);
        services.AddLessonTelemetry(configuration);
        return services;
    }

    /// <summary>Every orchestration and activity of the product, for a Durable Task SDK registry (the embedded engine's, a test host's).</summary>
    public static void RegisterTasks(DurableTaskRegistry registry) => registry.AddLessonOrchestrations().AddLessonActivities();
}
