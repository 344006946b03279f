using DurableLessons.Bench.Warmup;

namespace DurableLessons.Bench.Http;

/// <summary>
/// The HTTP levels: the bare Kestrel app and the embedded host up at once in this process, each load warmed up until
/// the JIT is quiet, then every client level measured as interleaved slices (<see cref="InterleavedLevel"/>) of host
/// starts, host status GETs and bare Kestrel GETs, as far as the level has them (bare Kestrel has no 1-client level)
/// and the run asked for them. The status GETs read completed instances, so their set is made before any level.
/// </summary>
internal static class HttpLatencyBench
{
    public static async Task<HttpLatencyResult> RunAsync(
        bool withKestrel, bool withHost, string hostDataDirectory, BenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var kestrel = withKestrel ? await BareKestrelServer.StartAsync(cancellationToken) : null;
        await using var host = withHost ? await EmbeddedHostServer.StartAsync(hostDataDirectory) : null;

        var kestrelGets = kestrel?.Gets(settings);
        var kestrelWarmup = kestrelGets is null ? null : await kestrelGets.WarmUpJitAsync(settings.KestrelClientLevels, settings, cancellationToken);
        ReportWarmup(progress, "bare Kestrel", kestrelWarmup);

        var starts = host?.Starts(settings);
        var startWarmup = starts is null ? null : await starts.WarmUpJitAsync(settings.HostClientLevels, settings, cancellationToken);
        ReportWarmup(progress, "start", startWarmup);

        var statusGets = host is null ? null : await host.StatusGetsAsync(settings, cancellationToken);
        var statusWarmup = statusGets is null ? null : await statusGets.WarmUpJitAsync(settings.HostClientLevels, settings, cancellationToken);
        ReportWarmup(progress, "status", statusWarmup);

        var measured = new Dictionary<HttpLoad, List<InterleavedMeasurement>>(ReferenceEqualityComparer.Instance);
        foreach (var clients in settings.HostClientLevels.Union(settings.KestrelClientLevels).Order())
        {
            var loads = new List<HttpLoad>();
            if (starts is not null && statusGets is not null && settings.HostClientLevels.Contains(clients))
            {
                loads.AddRange([starts, statusGets]);
            }

            if (kestrelGets is not null && settings.KestrelClientLevels.Contains(clients))
            {
                loads.Add(kestrelGets);
            }

            if (loads.Count == 0)
            {
                continue;
            }

            var results = await InterleavedLevel.RunAsync(clients, loads, settings, cancellationToken);
            foreach (var (load, result) in loads.Zip(results))
            {
                Report(progress, load, result);
                measured.TryAdd(load, []);
                measured[load].Add(result);
            }
        }

        IReadOnlyList<InterleavedMeasurement> Of(HttpLoad? load) => load is not null && measured.TryGetValue(load, out var levels) ? levels : [];
        var kestrelResult = kestrelWarmup is null ? null : new KestrelResult(
            [.. Of(kestrelGets).Select(level => level.Measured)], [.. Of(kestrelGets).Select(level => level.Probed)], kestrelWarmup);
        var hostResult = host is null || startWarmup is null || statusWarmup is null ? null : new HostLatencyResult(
            [.. Of(starts).Select(level => level.Measured)],
            [.. Of(statusGets).Select(level => level.Measured)],
            [.. Of(starts).Select(level => level.Probed)],
            [.. Of(statusGets).Select(level => level.Probed)],
            [.. Of(starts).Select(level => level.Settled)],
            await host.CountFailedInstancesAsync(cancellationToken),
            startWarmup,
            statusWarmup);
        return new HttpLatencyResult(kestrelResult, hostResult);
    }

    private static void ReportWarmup(Action<string> progress, string name, WarmupResult? warmup)
    {
        if (warmup is not null)
        {
            progress($"{name} warm-up: {warmup.Describe()}");
        }
    }

    private static void Report(Action<string> progress, HttpLoad load, InterleavedMeasurement result)
    {
        var level = result.Measured;
        var settled = result.Settled > TimeSpan.Zero ? $"; backlog waited for {result.Settled.TotalSeconds:0.0} s in all" : string.Empty;
        progress(
            $"{load.Name}, {level.Clients} clients: {level.RequestsPerSecond:0} requests/s, p50 {level.P50Milliseconds:0.00} ms, p99 {level.P99Milliseconds:0.00} ms, " +
            $"JIT {level.JitTime.TotalMilliseconds:0} ms in its slices{settled}");
        progress($"  probed {load.Name} window, {level.Clients} clients: {result.Probed.Diagnostics?.Describe()}");
    }
}
