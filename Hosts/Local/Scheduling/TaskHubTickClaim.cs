using System.Globalization;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Local.Scheduling;

/// <summary>
/// On a task hub shared by several processes, each process's cron fires at the same occurrence: the first to create
/// the occurrence's marker instance (a deterministic id, never replaced whatever its status) runs the job, the others
/// skip it. The markers are ordinary finished runs, so the retention purge removes old ones.
/// </summary>
internal sealed partial class TaskHubTickClaim(DurableTaskClient client, ILogger<TaskHubTickClaim> logger) : IScheduleTickClaim
{
    private static readonly string[] NeverReplaced = Enum.GetNames<OrchestrationRuntimeStatus>();

    public async Task<bool> ClaimAsync(string job, DateTime occurrenceUtc, CancellationToken cancellationToken)
    {
        var instanceId = string.Create(CultureInfo.InvariantCulture, $"schedule~{job.Replace(' ', '-')}~{occurrenceUtc:yyyyMMdd'T'HHmmss'Z'}");
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                ScheduleTickOrchestrator.Name, null, new StartOrchestrationOptions(instanceId) { DedupeStatuses = NeverReplaced }, cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            LogClaimedElsewhere(logger, job, occurrenceUtc);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Job} at {Occurrence:o} runs in another process on this task hub")]
    private static partial void LogClaimedElsewhere(ILogger logger, string job, DateTime occurrence);
}

/// <summary>The marker of a claimed schedule occurrence: it only records that the occurrence was taken.</summary>
internal sealed class ScheduleTickOrchestrator : TaskOrchestrator<object?, object?>
{
    public const string Name = "ScheduleTick";

    public override Task<object?> RunAsync(TaskOrchestrationContext context, object? input) => Task.FromResult<object?>(null);
}
