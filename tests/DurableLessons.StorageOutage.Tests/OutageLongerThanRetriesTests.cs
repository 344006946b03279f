using DurableLessons.Storage.TableStore;
using DurableLessons.StorageOutage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.StorageOutage.Tests;

/// <summary>
/// An outage that outlasts the save step's retry policy. The default (<c>Lessons:StorageRetryAttempts</c> = 8, 2 s
/// doubling to 30 s: about two minutes) is cut to 3 attempts (6 s of waiting) to keep the test short, and the host's
/// Table client makes no HTTP-level retries of its own, so each attempt fails at once and only the orchestration's
/// policy is measured; with the default client (4 retries, 200 ms doubling) each attempt adds about 3 s.
/// </summary>
public sealed class OutageLongerThanRetriesTests
{
    private static readonly TestLesson Lesson = new("math", "percentages", "beginner");

    [Fact]
    public async Task A_run_whose_save_outlasts_its_retries_fails_with_the_storage_error_and_a_rewind_after_restart_saves_exactly_one_version()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var gate = new SaveGate();
        await using var host = await TableBackedHost.StartAsync(azurite.ConnectionString, azurite.ConnectionString, services =>
        {
            gate.Install(services);
            services.Replace(ServiceDescriptor.Singleton(_ =>
            {
                var options = TableClients.DefaultOptions();
                options.Retry.MaxRetries = 0;
                return options;
            }));
        },
        new Dictionary<string, string> { ["Lessons:StorageRetryAttempts"] = "3" });

        gate.Close(1);
        var run = await host.StartRunAsync(Lesson);
        await gate.AllArrived.WaitAsync(TimeSpan.FromSeconds(60));
        await azurite.StopAsync();
        gate.Open();

        var failed = await host.WaitForStatusAsync(run, "Failed");
        var reason = failed["output"]!.ToJsonString();
        Assert.Contains("SaveLesson", reason, StringComparison.Ordinal);
        Assert.Contains(azurite.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
        Assert.Equal(1, gate.RunsWithFailedSaves);
        Assert.Equal("saving", failed["customStatus"]!["stage"]!.GetValue<string>());

        await azurite.StartAgainAsync();
        await host.RewindAsync(run, "Azurite is back");
        var completed = await host.WaitForStatusAsync(run, "Completed");

        Assert.Equal("1.0", TableBackedHost.CompletedVersion(completed));
        await host.AssertVersionsExactlyAsync(Lesson, "1.0");
    }
}
