using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Shared.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Adds tasks to the host's single <see cref="WorkflowRegistry"/> and registers their types for DI.</summary>
    public static IServiceCollection AddWorkflowTasks(this IServiceCollection services, Action<WorkflowRegistry> configure)
    {
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(WorkflowRegistry))?.ImplementationInstance as WorkflowRegistry;
        if (registry is null)
        {
            registry = new WorkflowRegistry();
            services.AddSingleton(registry);
        }

        configure(registry);
        foreach (var type in registry.Orchestrators.Values.Concat(registry.Activities.Values))
        {
            services.TryAddTransient(type);
        }

        return services;
    }
}
