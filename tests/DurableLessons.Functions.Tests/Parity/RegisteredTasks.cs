using DurableLessons.Functions.Tests.Composition;
using DurableLessons.Hosts.Common;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DurableLessons.Functions.Tests.Parity;

/// <summary>
/// What <see cref="LessonServiceCollectionExtensions.RegisterTasks"/> registers (the embedded engine's task set), by
/// name with the task's input and output types. Each task is created once through its registered factory.
/// </summary>
internal static class RegisteredTasks
{
    public static IReadOnlyDictionary<string, RegisteredTask> Orchestrators { get; }

    public static IReadOnlyDictionary<string, RegisteredTask> Activities { get; }

    static RegisteredTasks()
    {
        var registry = new DurableTaskRegistry();
        LessonServiceCollectionExtensions.RegisterTasks(registry);
        // The Functions app's container; the client stands in for the DI registration the embedded engine has.
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings(), s => s.AddSingleton(new Mock<DurableTaskClient>("test").Object));
        using var scope = services.CreateScope();

        Orchestrators = registry.GetOrchestrators().ToDictionary(
            entry => entry.Key.Name,
            entry => Describe(entry.Key.Name, entry.Value(scope.ServiceProvider)),
            StringComparer.OrdinalIgnoreCase);
        Activities = registry.GetActivities().ToDictionary(
            entry => entry.Key.Name,
            entry => Describe(entry.Key.Name, entry.Value(scope.ServiceProvider)),
            StringComparer.OrdinalIgnoreCase);
    }

    private static RegisteredTask Describe(string name, object task) => task switch
    {
        ITaskOrchestrator orchestrator => new RegisteredTask(name, task.GetType(), orchestrator.InputType, orchestrator.OutputType),
        ITaskActivity activity => new RegisteredTask(name, task.GetType(), activity.InputType, activity.OutputType),
        _ => throw new InvalidOperationException($"{name} is neither an orchestrator nor an activity."),
    };
}

internal sealed record RegisteredTask(string Name, Type Type, Type InputType, Type OutputType);
