using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Testing.Engines.DurableTask;

/// <summary>
/// Runs an orchestrator as the Durable Functions extension (Microsoft.Azure.Functions.Worker.Extensions.DurableTask,
/// <c>FunctionsOrchestrator</c>) does: the framework hands over the input as <see cref="object"/> (a JSON element),
/// the orchestrator reads its declared input through the context, which converts it again, every context call checks
/// that it runs on the orchestrator's thread, and so does the wrapper once the orchestrator's task has completed.
/// </summary>
internal sealed class FunctionsOrchestrator(ITaskOrchestrator inner, ILoggerFactory loggerFactory) : ITaskOrchestrator
{
    public Type InputType => typeof(object);

    public Type OutputType => typeof(object);

    /// <summary>Registers every task of <paramref name="tasks"/> in <paramref name="target"/>, orchestrators wrapped.</summary>
    public static void RegisterWrapped(Action<DurableTaskRegistry> tasks, DurableTaskRegistry target, IServiceProvider services)
    {
        var declared = new DurableTaskRegistry();
        tasks(declared);
        foreach (var (name, create) in declared.GetOrchestrators())
        {
            target.AddOrchestrator(name, () => new FunctionsOrchestrator(create(services), services.GetRequiredService<ILoggerFactory>()));
        }

        foreach (var (name, create) in declared.GetActivities())
        {
            target.AddActivity(name, create);
        }
    }

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var functionsContext = new FunctionsOrchestrationContext(context, loggerFactory);
        // The function the extension generates for a class-based orchestrator reads its input from the context.
        var run = inner.RunAsync(functionsContext, functionsContext.GetInput(inner.InputType));
        if (!run.IsCompleted && !functionsContext.IsAccessed)
        {
            throw new InvalidOperationException(FunctionsOrchestrationContext.IllegalAwaitMessage);
        }

        var output = await run;
        FunctionsOrchestrationContext.ThrowIfIllegalAccess();
        return output;
    }
}
