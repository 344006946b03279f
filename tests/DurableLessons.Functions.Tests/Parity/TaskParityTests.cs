using DurableLessons.Functions.Tests.Activities;
using DurableLessons.Functions.Tests.Composition;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DurableLessons.Functions.Tests.Parity;

/// <summary>
/// Both hosts run the same workflows: every orchestration and activity that <c>RegisterTasks</c> gives the embedded
/// engine is exactly one Azure Function with the matching trigger, name and types, and the Functions app runs no
/// orchestration or activity the registry lacks. A task added to one host and not the other fails here.
/// </summary>
public sealed class TaskParityTests
{
    [Fact]
    public void Every_registered_orchestration_is_exactly_one_orchestrator_function_and_there_are_no_others()
    {
        AssertOneFunctionPerTask("orchestrations", RegisteredTasks.Orchestrators.Keys, FunctionBindings.WithTrigger<OrchestrationTriggerAttribute>());
    }

    [Fact]
    public void Every_registered_activity_is_exactly_one_activity_function_and_there_are_no_others()
    {
        AssertOneFunctionPerTask("activities", RegisteredTasks.Activities.Keys, FunctionBindings.WithTrigger<ActivityTriggerAttribute>());
    }

    [Fact]
    public void Each_orchestrator_function_takes_the_orchestration_context_and_returns_its_orchestrations_output()
    {
        foreach (var function in FunctionBindings.WithTrigger<OrchestrationTriggerAttribute>())
        {
            var task = RegisteredTasks.Orchestrators[function.TaskName];
            Assert.Equal(typeof(Microsoft.DurableTask.TaskOrchestrationContext), function.TriggerParameter.ParameterType);
            Assert.True(
                typeof(Task<>).MakeGenericType(task.OutputType) == function.Method.ReturnType,
                $"{function} returns {function.Method.ReturnType}; {task.Type.Name} returns {task.OutputType}.");
        }
    }

    [Fact]
    public void Each_activity_function_binds_its_activitys_input_and_returns_its_output()
    {
        foreach (var function in FunctionBindings.WithTrigger<ActivityTriggerAttribute>())
        {
            var task = RegisteredTasks.Activities[function.TaskName];
            Assert.True(
                task.InputType == function.TriggerParameter.ParameterType,
                $"{function} binds {function.TriggerParameter.ParameterType}; {task.Type.Name} takes {task.InputType}.");
            Assert.True(
                typeof(Task<>).MakeGenericType(task.OutputType) == function.Method.ReturnType,
                $"{function} returns {function.Method.ReturnType}; {task.Type.Name} returns {task.OutputType}.");
        }
    }

    /// <summary>
    /// Invoked as the worker does (with the app's container as the invocation scope) and a null input, each function
    /// must reach its activity's own input check: that proves it created the class registered under its name through DI
    /// (a wrong class or a missing service fails earlier, with another exception).
    /// </summary>
    [Fact]
    public async Task Each_activity_function_creates_the_activity_registered_under_its_name_from_the_apps_container()
    {
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings());
        var client = new Mock<DurableTaskClient>(MockBehavior.Strict, "test").Object;
        var functions = FunctionBindings.WithTrigger<ActivityTriggerAttribute>().ToList();
        Assert.NotEmpty(functions);

        foreach (var function in functions)
        {
            using var scope = services.CreateScope();
            var context = ActivityInvocations.Of(function.Name, "lesson~parity", scope.ServiceProvider);
            var arguments = function.Method.GetParameters().Select(parameter => parameter switch
            {
                _ when parameter == function.TriggerParameter => null,
                { ParameterType: var type } when type == typeof(FunctionContext) => context,
                { ParameterType: var type } when type == typeof(DurableTaskClient) => (object)client,
                _ => throw new InvalidOperationException($"{function} takes {parameter.ParameterType.Name} {parameter.Name}, which this test does not know how to bind."),
            }).ToArray();
            var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);

            var failure = await Record.ExceptionAsync(() => (Task)function.Method.Invoke(target, arguments)!);

            var inputCheck = failure as ArgumentException;
            Assert.True(
                inputCheck?.ParamName == "input",
                $"{function} did not reach {RegisteredTasks.Activities[function.TaskName].Type.Name}'s input check: {failure}");
        }
    }

    [Fact]
    public void Function_names_are_unique()
    {
        var duplicates = FunctionBindings.All
            .GroupBy(function => function.Name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(", ", group))
            .ToList();

        Assert.True(duplicates.Count == 0, $"Function names must be unique (Functions ignores case): {string.Join("; ", duplicates)}");
    }

    private static void AssertOneFunctionPerTask(string what, IEnumerable<string> registered, IEnumerable<BoundFunction> functions)
    {
        var registeredNames = registered.ToList();
        var bound = functions.ToList();
        Assert.NotEmpty(registeredNames);

        var missing = registeredNames.Where(name => !bound.Any(function => Same(function.TaskName, name))).Order().ToList();
        var unregistered = bound.Where(function => !registeredNames.Any(name => Same(function.TaskName, name))).Select(function => function.ToString()).Order().ToList();
        var doubled = bound.GroupBy(function => function.TaskName, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group)}").ToList();
        Assert.True(
            missing.Count == 0 && unregistered.Count == 0 && doubled.Count == 0,
            $"The hosts differ in {what}.\n" +
            $"  Registered by RegisterTasks, no Functions function: {string.Join(", ", missing)}\n" +
            $"  Functions function, not registered by RegisterTasks: {string.Join(", ", unregistered)}\n" +
            $"  Bound more than once: {string.Join("; ", doubled)}");
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
