using DurableLessons.AzureStorageEngine.Tests.Infrastructure;
using DurableLessons.Hosts.Local.Scheduling;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.AzureStorageEngine.Tests;

/// <summary>Hosts sharing a task hub all fire their schedules; each occurrence runs in exactly one of them.</summary>
[Collection(OneAzurite.Name)]
public sealed class ScheduleClaimTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Of_two_hosts_claiming_the_same_occurrences_at_once_exactly_one_gets_each()
    {
        var settings = TaskHubSettings.Fresh(azurite);
        await using var a = await RunningHost.StartAsync(settings);
        await using var b = await RunningHost.StartAsync(settings);
        var claimA = a.Services.GetRequiredService<IScheduleTickClaim>();
        var claimB = b.Services.GetRequiredService<IScheduleTickClaim>();
        var occurrences = Enumerable.Range(0, 5).Select(i => new DateTime(2026, 1, 1, 3, 0, i * 10, DateTimeKind.Utc)).ToList();

        foreach (var occurrence in occurrences)
        {
            var claims = await Task.WhenAll(
                claimA.ClaimAsync("retention purge", occurrence, CancellationToken.None),
                claimB.ClaimAsync("retention purge", occurrence, CancellationToken.None),
                claimA.ClaimAsync("retention purge", occurrence, CancellationToken.None),
                claimB.ClaimAsync("retention purge", occurrence, CancellationToken.None));

            Assert.Equal(1, claims.Count(claimed => claimed));
        }

        // Once the marker run has finished, a late process still finds the occurrence taken.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var marker = await a.Services.GetRequiredService<DurableTaskClient>()
            .WaitForInstanceCompletionAsync("schedule~retention-purge~20260101T030000Z", cancellation: wait.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, marker.RuntimeStatus);
        Assert.False(await claimB.ClaimAsync("retention purge", occurrences[0], CancellationToken.None));
        Assert.True(await claimB.ClaimAsync("stale lesson regeneration", occurrences[0], CancellationToken.None));
    }
}
