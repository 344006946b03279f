using DurableLessons.Application.Retention;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Local.Scheduling;

/// <summary>Purges finished runs older than <c>Retention:MaxAge</c> on <c>Retention:Schedule</c>.</summary>
internal sealed class RetentionPurgeService(
    RetentionPurger purger, DurableTaskClient client, IOptions<RetentionOptions> options, TimeProvider time, IScheduleTickClaim claim, ILogger<RetentionPurgeService> logger)
    : CronJobService(time, claim, logger)
{
    protected override string JobName => "retention purge";

    protected override string Schedule => options.Value.Schedule;

    protected override Task RunJobAsync(CancellationToken cancellationToken) =>
        purger.PurgeOlderThanAsync(client, options.Value.MaxAge, cancellationToken);
}
