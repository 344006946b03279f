using DurableLessons.Application.Retention;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Functions.Triggers.Timers;

/// <summary>Purges finished runs older than <c>Retention:MaxAge</c> on the <c>Retention:Schedule</c> (NCrontab, six fields).</summary>
public sealed class RetentionTimerFunction(RetentionPurger purger, IOptions<RetentionOptions> options)
{
    [Function(nameof(PurgeExpiredRuns))]
    public Task PurgeExpiredRuns(
        [TimerTrigger("%Retention:Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        purger.PurgeOlderThanAsync(client, options.Value.MaxAge, cancellationToken);
}
