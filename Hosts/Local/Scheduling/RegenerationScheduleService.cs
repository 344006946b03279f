using DurableLessons.Application.Regeneration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Local.Scheduling;

/// <summary>Starts a regeneration of stale lessons on <c>Regeneration:Schedule</c>; a tick while one is active starts nothing.</summary>
internal sealed class RegenerationScheduleService(
    RegenerationStarter starter, DurableTaskClient client, IOptions<RegenerationOptions> options, TimeProvider time, IScheduleTickClaim claim, ILogger<RegenerationScheduleService> logger)
    : CronJobService(time, claim, logger)
{
    protected override string JobName => "stale lesson regeneration";

    protected override string Schedule => options.Value.Schedule;

    protected override Task RunJobAsync(CancellationToken cancellationToken) => starter.StartAsync(client, [], cancellationToken);
}
