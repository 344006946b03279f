using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Application.Retention;

/// <summary>Purges the history of terminal runs created before a cut-off; running runs, lessons and syllabi are untouched.</summary>
public sealed class RetentionPurger(TimeProvider time, ILogger<RetentionPurger> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Terminal =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public async Task<int> PurgeOlderThanAsync(DurableTaskClient client, TimeSpan age, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var cutoff = time.GetUtcNow() - age;
        var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedTo: cutoff, Statuses: Terminal), cancellationToken);
        logger.LogInformation("Purged {PurgedCount} finished runs created before {Cutoff}", result.PurgedInstanceCount, cutoff);
        return result.PurgedInstanceCount;
    }
}
