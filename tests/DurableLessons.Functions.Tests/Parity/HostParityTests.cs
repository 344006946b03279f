using DurableLessons.Shared.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Functions.Tests.Parity;

/// <summary>
/// Both hosts run the same product: every orchestration, activity and /api route the embedded host registers is bound
/// by exactly one Azure Function, and the Functions app binds nothing the embedded host lacks.
/// </summary>
public sealed class HostParityTests(EmbeddedHost embedded) : IClassFixture<EmbeddedHost>
{
    private WorkflowRegistry EmbeddedRegistry => embedded.Registry;

    [Fact]
    public void The_orchestrator_functions_are_exactly_the_registered_orchestrations()
    {
        var bound = FunctionBindings.WithTrigger<OrchestrationTriggerAttribute>().Select(function => function.TaskName);

        AssertSameNames(EmbeddedRegistry.Orchestrators.Keys, bound);
    }

    [Fact]
    public void The_activity_functions_are_exactly_the_registered_activities()
    {
        var bound = FunctionBindings.WithTrigger<ActivityTriggerAttribute>().Select(function => function.TaskName);

        AssertSameNames(EmbeddedRegistry.Activities.Keys, bound);
    }

    [Fact]
    public void Each_activity_function_takes_and_returns_the_types_of_the_activity_it_runs()
    {
        foreach (var function in FunctionBindings.WithTrigger<ActivityTriggerAttribute>())
        {
            var (input, output) = TaskTypes(EmbeddedRegistry.Activities[function.TaskName], typeof(TaskActivity<,>));
            Assert.True(input == function.TriggerParameter.ParameterType, $"{function.Name} binds {function.TriggerParameter.ParameterType.Name}, the activity takes {input.Name}.");
            Assert.Equal(typeof(Task<>).MakeGenericType(output), function.Method.ReturnType);
        }
    }

    [Fact]
    public void Each_orchestrator_function_returns_the_output_type_of_the_orchestration_it_runs()
    {
        foreach (var function in FunctionBindings.WithTrigger<OrchestrationTriggerAttribute>())
        {
            var (_, output) = TaskTypes(EmbeddedRegistry.Orchestrators[function.TaskName], typeof(TaskOrchestrator<,>));
            Assert.Equal(typeof(Task<>).MakeGenericType(output), function.Method.ReturnType);
        }
    }

    [Fact]
    public void The_http_functions_serve_exactly_the_api_routes_and_verbs_of_the_embedded_host()
    {
        var bound = FunctionBindings.WithTrigger<HttpTriggerAttribute>()
            .SelectMany(function =>
            {
                var trigger = (HttpTriggerAttribute)function.Trigger;
                Assert.True(trigger.Methods is { Length: > 0 }, $"{function.Name} must name its HTTP methods.");
                Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
                return trigger.Methods!.Select(method => EmbeddedHost.Route(method, $"/api/{trigger.Route}"));
            })
            .ToList();

        Assert.NotEmpty(embedded.ApiRoutes);
        Assert.Equal(bound.Count, bound.Distinct().Count());
        AssertSameSet("routes", embedded.ApiRoutes, bound, StringComparer.Ordinal);
    }

    [Fact]
    public void Function_names_are_unique()
    {
        var names = FunctionBindings.All.Select(function => function.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    /// <summary>The TInput and TOutput a task class passes to its base class (TaskActivity or TaskOrchestrator).</summary>
    private static (Type Input, Type Output) TaskTypes(Type taskType, Type openBase)
    {
        for (var type = taskType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == openBase)
            {
                return (type.GenericTypeArguments[0], type.GenericTypeArguments[1]);
            }
        }

        throw new InvalidOperationException($"{taskType.Name} does not derive from {openBase.Name}.");
    }

    private static void AssertSameNames(IEnumerable<string> registered, IEnumerable<string> bound)
    {
        Assert.NotEmpty(registered);
        AssertSameSet("task names", registered.ToList(), bound.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    private static void AssertSameSet(string what, IReadOnlyCollection<string> embedded, IReadOnlyCollection<string> functions, StringComparer comparer)
    {
        var embeddedOnly = embedded.Except(functions, comparer).Order(comparer).ToList();
        var functionsOnly = functions.Except(embedded, comparer).Order(comparer).ToList();
        Assert.True(
            embeddedOnly.Count == 0 && functionsOnly.Count == 0,
            $"The hosts differ in {what}.\n  Only the embedded host has: {string.Join(", ", embeddedOnly)}\n  Only the Functions app has: {string.Join(", ", functionsOnly)}");
    }
}
