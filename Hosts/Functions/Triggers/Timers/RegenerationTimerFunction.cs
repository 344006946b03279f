using DurableLessons.Application.Regeneration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Triggers.Timers;

/// <summary>Starts the regeneration of stale lessons on <c>Regeneration:Schedule</c>; a tick while one is active starts nothing.</summary>
public sealed class RegenerationTimerFunction(RegenerationStarter starter)
{
    [Function(nameof(RegenerateOnSchedule))]
    public Task RegenerateOnSchedule(
        [TimerTrigger("%Regeneration:Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        starter.StartAsync(client, [], cancellationToken);
}
