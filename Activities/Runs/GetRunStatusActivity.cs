using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Activities.Runs;

/// <summary>Reads an instance's runtime status through the host's Durable client (see <see cref="RunActivityNames"/>).</summary>
[DurableTask(RunActivityNames.GetRunStatus)]
public sealed class GetRunStatusActivity(DurableTaskClient client, ActivityCancellation cancellation) : TaskActivity<string, RunStatusReport>
{
    public override async Task<RunStatusReport> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        var instance = await client.GetInstanceAsync(input, getInputsAndOutputs: false, cancellation.Token);
        return instance is null
            ? new RunStatusReport(input, null, IsActive: false)
            : new RunStatusReport(input, instance.RuntimeStatus.ToString(), IsActive: !instance.IsCompleted);
    }
}
