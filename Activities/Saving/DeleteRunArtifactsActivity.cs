using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;

namespace DurableLessons.Activities.Saving;

/// <summary>Removes a finished run's intermediate results (idempotent).</summary>
[DurableTask(LessonActivityNames.DeleteRunArtifacts)]
public sealed class DeleteRunArtifactsActivity(
    ActivityCancellation cancellation,
    IArtifactStore artifacts) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        await artifacts.DeleteByPrefixAsync($"{input}/", cancellation.Token);
        return true;
    }
}
