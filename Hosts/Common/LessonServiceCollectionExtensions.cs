using DurableLessons.Activities;
using DurableLessons.Http.Admin;
using DurableLessons.Http.Lessons;
using DurableLessons.Http.Syllabi;
using DurableLessons.Llm;
using DurableLessons.Llm.Syllabi;
using DurableLessons.Orchestrations;
using DurableLessons.Research;
using DurableLessons.Shared.Workflow;
using DurableLessons.Storage;
using DurableLessons.Storage.Syllabi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Hosts.Common;

/// <summary>
/// The product's services, composed once for both hosts: workflows, storage, research, the LLM chain and the
/// /api handlers. Each host adds only what is its own (the embedded engine, or the Durable Functions bindings).
/// </summary>
public static class LessonServiceCollectionExtensions
{
    public static IServiceCollection AddDurableLessons(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddWorkflowTasks(registry => registry.AddLessonOrchestrations().AddLessonActivities());
        services.AddLessonStorage(configuration);
        services.AddResearch(configuration);
        services.AddLessonAuthor(configuration);
        services.AddLessonHttp(configuration);
        services.AddSyllabusStorage(configuration).AddSyllabusAuthor(configuration).AddSyllabusHttp(configuration);
        services.AddAdminHttp(configuration);
        return services;
    }
}
