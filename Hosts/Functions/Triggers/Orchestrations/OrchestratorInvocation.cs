using DurableLessons.Hosts.Functions.Adapters;
using DurableLessons.Shared.Workflow;
using TaskOrchestrationContext = Microsoft.DurableTask.TaskOrchestrationContext;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Hosts.Functions.Triggers.Orchestrations;

/// <summary>Runs one of our orchestrators (resolved from DI, as the embedded engine does) over the Durable context.</summary>
internal static class OrchestratorInvocation
{
    public static Task<TOutput> RunAsync<TOrchestrator, TInput, TOutput>(TaskOrchestrationContext context, IServiceProvider services)
        where TOrchestrator : TaskOrchestrator<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var orchestrator = services.GetRequiredService<TOrchestrator>();
        var adapter = new FunctionsOrchestrationContext(context, services.GetRequiredService<ILoggerFactory>());
        return orchestrator.RunAsync(adapter, context.GetInput<TInput>()!);
    }
}
