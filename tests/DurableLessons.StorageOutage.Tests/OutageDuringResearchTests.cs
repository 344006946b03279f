using System.Diagnostics;
using DurableLessons.StorageOutage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;

namespace DurableLessons.StorageOutage.Tests;

/// <summary>
/// The same kind of outage, but while a research source stores its notes (Table storage holds the intermediate results
/// too). 10 s is well inside what the save step rides out, so the run is expected to complete as if nothing happened.
/// </summary>
public sealed class OutageDuringResearchTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    private static readonly TestLesson Lesson = new("programming", "sql joins", "intermediate");

    [Fact]
    public async Task A_run_whose_research_notes_meet_a_short_outage_completes_with_one_version_once_Azurite_is_back()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var gate = new ArtifactWriteGate("/source-");
        await using var host = await TableBackedHost.StartAsync(azurite.ConnectionString, azurite.ConnectionString, gate.Install);

        var run = await host.StartRunAsync(Lesson);
        await gate.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
        var down = Stopwatch.StartNew();
        await azurite.StopAsync();
        gate.Open();
        var untilRestart = Outage - azurite.LastStartDuration - down.Elapsed;
        if (untilRestart > TimeSpan.Zero)
        {
            await Task.Delay(untilRestart);
        }

        await azurite.StartAgainAsync();
        var downtime = down.Elapsed;
        var status = await host.WaitAsync(run);

        Assert.True(status["runtimeStatus"]!.GetValue<string>() == "Completed", $"The run did not survive a {downtime.TotalSeconds:F0} s outage during research: {status.ToJsonString()}");
        Assert.Equal("1.0", TableBackedHost.CompletedVersion(status));
        await host.AssertVersionsExactlyAsync(Lesson, "1.0");
    }
}
