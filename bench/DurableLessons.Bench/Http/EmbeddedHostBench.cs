using System.Diagnostics;
using System.Globalization;
using System.Net;
using DurableLessons.Bench.Engine;
using DurableLessons.Bench.Http.Wire;
using DurableLessons.Bench.Warmup;
using DurableLessons.Bench.Workflows;
using DurableLessons.Engine;
using DurableLessons.Testing;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Bench.Http;

internal sealed record HostLatencyResult(
    IReadOnlyList<LatencySummary> Starts,
    IReadOnlyList<LatencySummary> StatusGets,
    IReadOnlyList<LatencySummary> ProbedStarts,
    IReadOnlyList<LatencySummary> ProbedStatusGets,
    IReadOnlyList<TimeSpan> BacklogDrains,
    int FailedInstances,
    WarmupResult StartWarmup,
    WarmupResult StatusWarmup);

/// <summary>
/// The real embedded host (<see cref="LocalHost.Build"/>: Kestrel, webhooks, engine, SQLite) on 127.0.0.1 with a
/// free port and a temp data directory. Start latency: POST to the webhook start route with the instance id in the
/// path (a fan-out of <see cref="StartedWidth"/>, so every start is a real orchestration that runs in the background);
/// after each level the host is left to finish what was started, so levels do not inherit each other's backlog.
/// Status latency: GET of the status route for completed instances, round robin over a fixed set.
/// Each of the two runs its own JIT warm-up first, cycling through the client levels; a start warm-up slice includes
/// waiting for its backlog, so the orchestrations it launched are compiled too.
/// </summary>
internal static class EmbeddedHostBench
{
    public const string WebhookBase = "/runtime/webhooks/durabletask";
    public const int StartedWidth = 1;
    private const int StatusInstances = 1000;

    public static async Task<HostLatencyResult> RunAsync(string dataDirectory, BenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var host = await RunningHost.StartAsync(new RunningHostOptions
        {
            DataDirectory = dataDirectory,
            Arguments =
            [
                "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            ],
            Services = services => services.AddDurableTasks(BenchWorkflows.Register),
        });
        var workflows = host.Workflows;
        var baseAddress = host.BaseAddress;
        using var load = new LoadGenerator(baseAddress);

        var levels = settings.HostClientLevels;
        var startWarmup = await JitWarmup.RunUntilQuietAsync(
            settings,
            async (slice, token) =>
            {
                await load.RunAsync(levels[slice % levels.Count], settings.JitSlice, settings.StartMaxRequests, Start($"jit{slice}-"), HttpStatusCode.Accepted, token);
                await WaitForBacklogAsync(workflows, settings.BacklogTimeout, token);
            },
            cancellationToken);
        progress($"start warm-up: {startWarmup.Describe()}");

        var starts = new List<LatencySummary>();
        var probedStarts = new List<LatencySummary>();
        var drains = new List<TimeSpan>();
        foreach (var clients in levels)
        {
            await load.RunAsync(clients, settings.HttpWarmup, settings.StartMaxRequests, Start($"warm{clients}-"), HttpStatusCode.Accepted, cancellationToken);
            await WaitForBacklogAsync(workflows, settings.BacklogTimeout, cancellationToken);
            var summary = await load.RunAsync(clients, settings.HttpDuration, settings.StartMaxRequests, Start($"start{clients}-"), HttpStatusCode.Accepted, cancellationToken);
            var drain = await WaitForBacklogAsync(workflows, settings.BacklogTimeout, cancellationToken);
            progress($"start, {clients} clients: {summary.RequestsPerSecond:0} requests/s, p99 {summary.P99Milliseconds:0.00} ms, JIT {summary.JitTime.TotalMilliseconds:0} ms in window; backlog done {drain.TotalSeconds:0.0} s later");
            starts.Add(summary);
            drains.Add(drain);

            var probed = await load.RunAsync(clients, settings.ProbeWindow, settings.StartMaxRequests, Start($"probe{clients}-"), HttpStatusCode.Accepted, cancellationToken, probe: true);
            await WaitForBacklogAsync(workflows, settings.BacklogTimeout, cancellationToken);
            progress($"  probed start window, {clients} clients: {probed.Diagnostics?.Describe()}");
            probedStarts.Add(probed);
        }

        var completed = await workflows.QueryPageAsync(
            new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = StatusInstances },
            cancellationToken);
        var ids = completed.Values.Select(instance => instance.InstanceId).ToArray();
        if (ids.Length == 0)
        {
            throw new InvalidOperationException("No started instance completed; the status route has nothing to read.");
        }

        HttpRequestSpec Status(int n) => HttpRequestSpec.Get($"{WebhookBase}/instances/{ids[n % ids.Length]}");
        var statusWarmup = await JitWarmup.RunUntilQuietAsync(
            settings,
            (slice, token) => load.RunAsync(levels[slice % levels.Count], settings.JitSlice, settings.HttpMaxRequests, Status, HttpStatusCode.OK, token),
            cancellationToken);
        progress($"status warm-up: {statusWarmup.Describe()}");

        var gets = new List<LatencySummary>();
        var probedGets = new List<LatencySummary>();
        foreach (var clients in levels)
        {
            await load.RunAsync(clients, settings.HttpWarmup, settings.HttpMaxRequests, Status, HttpStatusCode.OK, cancellationToken);
            var summary = await load.RunAsync(clients, settings.HttpDuration, settings.HttpMaxRequests, Status, HttpStatusCode.OK, cancellationToken);
            progress($"status GET, {clients} clients: {summary.RequestsPerSecond:0} requests/s, p99 {summary.P99Milliseconds:0.00} ms, JIT {summary.JitTime.TotalMilliseconds:0} ms in window");
            gets.Add(summary);

            var probed = await load.RunAsync(clients, settings.ProbeWindow, settings.HttpMaxRequests, Status, HttpStatusCode.OK, cancellationToken, probe: true);
            progress($"  probed status window, {clients} clients: {probed.Diagnostics?.Describe()}");
            probedGets.Add(probed);
        }

        var failed = await workflows.QueryPageAsync(
            new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed], PageSize = 1000 },
            cancellationToken);
        return new HostLatencyResult(starts, gets, probedStarts, probedGets, drains, failed.Values.Count, startWarmup, statusWarmup);
    }

    private static Func<int, HttpRequestSpec> Start(string idPrefix) => n => HttpRequestSpec.PostJson(
        $"{WebhookBase}/orchestrators/{FanOutOrchestration.Name}/{idPrefix}{n.ToString("D7", CultureInfo.InvariantCulture)}",
        StartedWidth.ToString(CultureInfo.InvariantCulture));

    /// <summary>Waits until no instance is Pending or Running; returns how long that took.</summary>
    private static async Task<TimeSpan> WaitForBacklogAsync(DurableTaskClient workflows, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var unfinished = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
            PageSize = 1,
        };
        while ((await workflows.QueryPageAsync(unfinished, cancellationToken)).Values.Count > 0)
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Started orchestrations were still running {timeout} after the last start.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return stopwatch.Elapsed;
    }
}
