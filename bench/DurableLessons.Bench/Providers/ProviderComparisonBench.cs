using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableLessons.Bench.Engine;
using DurableLessons.Bench.Workflows;
using DurableLessons.Engine;
using DurableLessons.Testing;
using DurableLessons.Testing.Azurite;
using DurableLessons.Testing.Engines.AzureStorage;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Bench.Providers;

/// <summary>One engine configuration on the same workload: fan-outs of no-op activities, then one offline lesson.</summary>
internal sealed record ProviderResult(string Provider, int Workers, IReadOnlyList<ProviderFanOut> FanOuts, TimeSpan OneLesson);

internal sealed record ProviderFanOut(int Width, int Orchestrations, int InFlight, TimeSpan Elapsed)
{
    public double OrchestrationsPerSecond => Orchestrations / Elapsed.TotalSeconds;

    public double ActivitiesPerSecond => OrchestrationsPerSecond * Width;
}

/// <summary>
/// The embedded engine, DTFx + Azure Storage on Azurite with one worker, and with two workers on one task hub, each
/// as the real host composes it (<c>Engine:Provider</c>), in this process. Both workers of the two-worker row share
/// this process's CPU with the driver and Azurite; the orchestrations are started through the first one.
/// </summary>
internal static class ProviderComparisonBench
{
    private const int InFlight = 8;

    public static async Task<IReadOnlyList<ProviderResult>> RunAsync(BenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteServer.StartAsync(cancellationToken: cancellationToken);
        var results = new List<ProviderResult>();
        foreach (var (provider, workers) in new[] { ("Embedded (SQLite)", 1), ("DTFx + Azure Storage", 1), ("DTFx + Azure Storage", 2) })
        {
            var hostSettings = provider.StartsWith("Embedded", StringComparison.Ordinal) ? Quiet() : AzureStorage(azurite);
            var hosts = new List<RunningHost>();
            try
            {
                for (var i = 0; i < workers; i++)
                {
                    hosts.Add(await RunningHost.StartAsync(hostSettings, services => services.AddDurableTasks(BenchWorkflows.Register)));
                }

                results.Add(await MeasureAsync(provider, hosts, settings, progress, cancellationToken));
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync();
                }
            }
        }

        return results;
    }

    private static async Task<ProviderResult> MeasureAsync(
        string provider, List<RunningHost> hosts, BenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        var client = hosts[0].Services.GetRequiredService<DurableTaskClient>();
        var fanOuts = new List<ProviderFanOut>();
        foreach (var width in settings.FanOutWidths)
        {
            var driver = new OrchestrationDriver(client, width, InFlight);
            await driver.RunCountAsync($"warm-{width}-", InFlight, cancellationToken);
            var count = Math.Max(InFlight, (settings.Quick ? 160 : 800) / Math.Max(width, 4));
            var elapsed = await driver.RunCountAsync($"run-{width}-", count, cancellationToken);
            var result = new ProviderFanOut(width, count, InFlight, elapsed);
            progress($"{provider}, {hosts.Count} worker(s), fan-out {width}: {count} in {elapsed.TotalSeconds:0.0} s ({result.OrchestrationsPerSecond:0.0}/s)");
            fanOuts.Add(result);
        }

        var lesson = await OneLessonAsync(hosts[0], cancellationToken);
        progress($"{provider}, {hosts.Count} worker(s): one offline lesson in {lesson.TotalSeconds:0.0} s");
        return new ProviderResult(provider, hosts.Count, fanOuts, lesson);
    }

    /// <summary>POST /api/lessons to a completed status, read as a client would (polling the status link).</summary>
    private static async Task<TimeSpan> OneLessonAsync(RunningHost host, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await host.Client.PostAsJsonAsync("/api/lessons", new { subject = "math", topic = "fractions", level = "beginner" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["statusQueryGetUri"]!.GetValue<string>();
        while (true)
        {
            using var poll = await host.Client.GetAsync(new Uri(status), cancellationToken);
            if (poll.StatusCode != System.Net.HttpStatusCode.Accepted)
            {
                poll.EnsureSuccessStatusCode();
                return stopwatch.Elapsed;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static Dictionary<string, string> Quiet() => new() { ["Logging:LogLevel:Default"] = "Warning" };

    private static Dictionary<string, string> AzureStorage(AzuriteServer azurite)
    {
        var settings = Quiet();
        foreach (var (key, value) in AzuriteTaskHub.Settings(azurite, AzuriteTaskHub.FreshName()))
        {
            settings[key] = value ?? string.Empty;
        }

        settings["Storage:Provider"] = "Table";
        settings["Storage:Table:ConnectionString"] = azurite.ConnectionString;
        settings["Storage:Table:TablePrefix"] = $"b{Guid.NewGuid():N}"[..16];
        return settings;
    }
}
