using System.Reflection;
using DurableLessons.Shared.Runs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>
/// Runs one of our <see cref="TaskActivity{TInput, TOutput}"/> classes for an <c>[ActivityTrigger]</c> function, as the
/// embedded engine does: created through DI from the invocation's scope, with the scope's
/// <see cref="ActivityCancellation"/> set to the invocation's token, and a context naming the activity and the
/// orchestration that called it.
/// </summary>
internal static class ActivityInvocation
{
    /// <summary>The binding data under which the Durable activity trigger passes the calling orchestration's id.</summary>
    public const string InstanceIdBindingName = "instanceId";

    /// <param name="arguments">
    /// Constructor arguments DI cannot supply, e.g. the <c>[DurableClient]</c> binding: Functions puts no
    /// <c>DurableTaskClient</c> in DI.
    /// </param>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext function, TInput input, params object[] arguments)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        var name = function.FunctionDefinition.Name;
        RequireRegisteredName<TActivity>(name);

        var services = function.InstanceServices;
        services.GetRequiredService<ActivityCancellation>().Token = function.CancellationToken;
        var activity = ActivatorUtilities.CreateInstance<TActivity>(services, arguments);
        return activity.RunAsync(new FunctionsActivityContext(name, InstanceIdOf(function)), input);
    }

    // A function that ran another step's class (a copy-paste slip between steps with the same types) would corrupt runs
    // quietly; this makes it fail on its first call instead.
    private static void RequireRegisteredName<TActivity>(string functionName)
    {
        var registered = typeof(TActivity).GetCustomAttribute<DurableTaskAttribute>()?.Name.Name is { Length: > 0 } attributeName
            ? attributeName
            : typeof(TActivity).Name;
        if (!string.Equals(registered, functionName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Activity function '{functionName}' runs {typeof(TActivity).Name}, which is registered as '{registered}'.");
        }
    }

    private static string InstanceIdOf(FunctionContext function) =>
        function.BindingContext.BindingData.TryGetValue(InstanceIdBindingName, out var value) && value?.ToString() is { Length: > 0 } instanceId
            ? instanceId
            : throw new InvalidOperationException(
                $"Activity function '{function.FunctionDefinition.Name}' has no '{InstanceIdBindingName}' binding data: is it triggered by [ActivityTrigger]?");
}
