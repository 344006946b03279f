using System.Net;
using DurableLessons.Resilience.Tests.Fakes;

namespace DurableLessons.Resilience.Tests;

/// <summary>
/// Issue #6 (b): when no provider can write a step the run fails with a reason a person can act on, and once the model
/// is healthy again a rewind finishes the same run without asking the model again for what it already wrote.
/// </summary>
public sealed class BothProvidersBrokenTests
{
    [Fact]
    public async Task A_run_that_no_provider_can_finish_fails_clearly_then_a_rewind_completes_it_without_resending_finished_steps()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Primary.FailNext("sections", Enumerable.Repeat(ModelFault.SchemaInvalidJson, 20).ToArray());
        lab.Backup.FailNext("sections", Enumerable.Repeat(ModelFault.SchemaInvalidJson, 20).ToArray());

        var statusUri = await lab.StartLessonAsync();
        var failed = await lab.WaitAsync(statusUri);

        Assert.Equal("Failed", FaultLab.RuntimeStatus(failed));
        var reason = failed["output"]!.GetValue<string>();
        Assert.Contains("sections step", reason, StringComparison.Ordinal);
        Assert.Contains("primary: invalid output: the reply does not match the schema", reason, StringComparison.Ordinal);
        Assert.Contains("backup: invalid output: the reply does not match the schema", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", reason, StringComparison.Ordinal);
        var wholeStatus = failed.ToJsonString();
        Assert.DoesNotContain(FaultLab.PrimaryApiKey, wholeStatus, StringComparison.Ordinal);
        Assert.DoesNotContain(FaultLab.BackupApiKey, wholeStatus, StringComparison.Ordinal);
        using (var history = await lab.Host.Client.GetAsync($"{statusUri}{(statusUri.Query.Length > 0 ? "&" : "?")}showHistory=true&showHistoryOutput=true"))
        {
            var historyText = await history.Content.ReadAsStringAsync();
            Assert.Contains("sections step", historyText, StringComparison.Ordinal);
            Assert.DoesNotContain(FaultLab.PrimaryApiKey, historyText, StringComparison.Ordinal);
            Assert.DoesNotContain(FaultLab.BackupApiKey, historyText, StringComparison.Ordinal);
        }

        var sectionTriesBeforeRewind = lab.Primary.RequestsFor("sections").Count;
        Assert.True(sectionTriesBeforeRewind > 1, "The orchestration should retry a failed step before giving up.");
        Assert.Equal(sectionTriesBeforeRewind, lab.Backup.RequestsFor("sections").Count);
        Assert.Single(lab.Primary.RequestsFor("outline"));
        Assert.Empty(await lab.VersionsAsync());

        lab.Primary.Heal();
        lab.Backup.Heal();
        var instanceId = failed["instanceId"]!.GetValue<string>();
        using var rewind = await lab.Host.Client.PostAsync(
            $"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}/rewind?reason=model%20healed", content: null);
        Assert.Equal(HttpStatusCode.Accepted, rewind.StatusCode);

        var completed = await lab.WaitAsync(statusUri);

        Assert.Equal("Completed", FaultLab.RuntimeStatus(completed));
        Assert.Equal(FaultLab.PrimaryGenerator, completed["output"]!["generator"]!.GetValue<string>());
        Assert.Equal(["1.0"], await lab.VersionsAsync());
        // The outline was written before the failure: the rewind replays it from history instead of asking again.
        Assert.Single(lab.Primary.RequestsFor("outline"));
        Assert.Empty(lab.Backup.RequestsFor("outline"));
        // The failed step is asked once more (now answered), then the rest of the chain once each.
        Assert.Equal(sectionTriesBeforeRewind + 1, lab.Primary.RequestsFor("sections").Count);
        foreach (var step in new[] { "exercises", "quiz", "review" })
        {
            Assert.Single(lab.Primary.RequestsFor(step));
        }
    }
}
