using System.Diagnostics;
using DurableLessons.StorageOutage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;

namespace DurableLessons.StorageOutage.Tests;

/// <summary>Issue #6 (c): Azurite stopped while saves are being written, then restarted on the same port and data.</summary>
public sealed class SavesDuringOutageTests
{
    /// <summary>
    /// How long Azurite stays down: 6 s by default, well within what the save step's retry policy rides out (about two
    /// minutes of back-off plus about 3 s of client retries per attempt). STORAGE_OUTAGE_SECONDS=60 tries a realistic
    /// longer outage.
    /// </summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("STORAGE_OUTAGE_SECONDS"), out var seconds) && seconds > 0 ? seconds : 6);

    private static readonly TestLesson[] Lessons =
    [
        new("math", "fractions", "beginner"),
        new("english", "adjectives", "intermediate"),
        new("science", "water cycle", "beginner"),
    ];

    [Fact]
    public async Task Saves_that_fail_while_Azurite_is_down_complete_after_it_restarts_with_no_lost_or_doubled_version()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var gate = new SaveGate();
        await using var host = await TableBackedHost.StartAsync(azurite.ConnectionString, azurite.ConnectionString, gate.Install);

        Assert.All(await host.RunToCompletionAsync(Lessons), version => Assert.Equal("1.0", version));

        gate.Close(Lessons.Length);
        var runs = await Task.WhenAll(Lessons.Select(host.StartRunAsync));
        await gate.AllArrived.WaitAsync(TimeSpan.FromSeconds(60));
        var down = Stopwatch.StartNew();
        await azurite.StopAsync();
        gate.Open();
        await gate.WaitForFailedSavesAsync(Lessons.Length, TimeSpan.FromSeconds(20));
        foreach (var run in runs)
        {
            var during = await host.StatusAsync(run);
            Assert.True(during["runtimeStatus"]!.GetValue<string>() == "Running", $"{run.Lesson} gave up {down.Elapsed.TotalSeconds:F0} s into the outage: {during.ToJsonString()}");
        }

        // Azurite takes a while to start; launch it early enough that it listens again when the outage is over.
        var untilRestart = Outage - azurite.LastStartDuration - down.Elapsed;
        if (untilRestart > TimeSpan.Zero)
        {
            await Task.Delay(untilRestart);
        }

        await azurite.StartAgainAsync();
        var downtime = down.Elapsed;
        var statuses = await Task.WhenAll(runs.Select(host.WaitAsync));
        foreach (var status in statuses)
        {
            Assert.True(status["runtimeStatus"]!.GetValue<string>() == "Completed", $"A run did not survive a {downtime.TotalSeconds:F0} s outage: {status.ToJsonString()}");
            Assert.Equal("1.1", TableBackedHost.CompletedVersion(status));
        }

        foreach (var lesson in Lessons)
        {
            await host.AssertVersionsExactlyAsync(lesson, "1.0", "1.1");
        }
    }
}
