using DurableLessons.Activities.Runs;
using DurableLessons.Shared.Runs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>Activities that read other runs through the Durable client (bound here: Functions has none in DI).</summary>
public static class RunActivityFunctions
{
    /// <summary>The input is the instance id whose status is read.</summary>
    [Function(RunActivityNames.GetRunStatus)]
    public static Task<RunStatusReport> GetRunStatus(
        [ActivityTrigger] string input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityInvocation.RunAsync<GetRunStatusActivity, string, RunStatusReport>(context, input, client);
}
