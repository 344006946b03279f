using System.Net;
using DurableLessons.Resilience.Tests.Fakes;

namespace DurableLessons.Resilience.Tests;

/// <summary>
/// Issue #6 (b): a failed run says, per provider, what went wrong, in words rather than a stack trace; healing one
/// provider and rewinding finishes it.
/// </summary>
public sealed class FailureReasonTests
{
    [Fact]
    public async Task A_run_whose_providers_hang_and_cut_their_replies_off_fails_naming_each_problem_and_rewinds_once_the_backup_heals()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Primary.BreakWith(ModelFault.Hang);
        lab.Backup.BreakWith(ModelFault.TruncatedJson);

        var statusUri = await lab.StartLessonAsync();
        var failed = await lab.WaitAsync(statusUri);

        Assert.Equal("Failed", FaultLab.RuntimeStatus(failed));
        var reason = failed["output"]!.GetValue<string>();
        Assert.Contains("outline step", reason, StringComparison.Ordinal);
        Assert.Contains($"primary: timed out after {FaultLab.ProviderTimeoutSeconds} s", reason, StringComparison.Ordinal);
        Assert.Contains("backup: unreadable response", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("..", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(FaultLab.PrimaryApiKey, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(FaultLab.BackupApiKey, reason, StringComparison.Ordinal);
        // The step was retried by the orchestration, each time trying both providers, and nothing later was asked.
        Assert.True(lab.Primary.RequestsFor("outline").Count > 1, "The orchestration should retry a failed step before giving up.");
        Assert.Equal(lab.Primary.RequestsFor("outline").Count, lab.Backup.RequestsFor("outline").Count);
        Assert.DoesNotContain(lab.Primary.Requests, r => r.Step != "outline");
        Assert.Empty(await lab.VersionsAsync());

        // Heal only the backup: the rewound run writes the whole lesson through the fallback.
        lab.Backup.Heal();
        var instanceId = failed["instanceId"]!.GetValue<string>();
        using var rewind = await lab.Host.Client.PostAsync(
            $"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}/rewind?reason=backup%20healed", content: null);
        Assert.Equal(HttpStatusCode.Accepted, rewind.StatusCode);
        var completed = await lab.WaitAsync(statusUri);
        Assert.Equal("Completed", FaultLab.RuntimeStatus(completed));
        Assert.Equal(FaultLab.BackupGenerator, completed["output"]!["generator"]!.GetValue<string>());
        Assert.Equal(["1.0"], await lab.VersionsAsync());
    }
}
