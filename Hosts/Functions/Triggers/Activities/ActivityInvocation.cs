using DurableLessons.Hosts.Functions.Adapters;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>Runs one of our activities (resolved from the invocation's DI scope) with a Functions activity context.</summary>
internal static class ActivityInvocation
{
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(
        IServiceProvider services, TInput input, string instanceId, CancellationToken cancellationToken)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(services);
        var activity = services.GetRequiredService<TActivity>();
        var context = new FunctionsActivityContext(WorkflowRegistry.NameOf<TActivity>(), instanceId, cancellationToken);
        return activity.RunAsync(context, input);
    }
}
