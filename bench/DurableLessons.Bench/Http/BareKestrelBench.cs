using System.Net;
using DurableLessons.Bench.Http.Wire;
using DurableLessons.Bench.Warmup;

namespace DurableLessons.Bench.Http;

/// <summary>A status object of the shape the status route returns, with fixed values.</summary>
internal sealed record SampleStatus(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    int Input,
    object? CustomStatus,
    int Output,
    string CreatedTime,
    string LastUpdatedTime);

/// <summary>The bare Kestrel levels and the JIT warm-up that preceded them.</summary>
internal sealed record KestrelResult(IReadOnlyList<LatencySummary> Levels, IReadOnlyList<LatencySummary> ProbedLevels, WarmupResult Warmup);

/// <summary>
/// The HTTP ceiling: a minimal-API app on Kestrel (slim builder, no middleware, warnings-only logging) answering
/// GET <c>/instances/{id}</c> with a status-shaped JSON object built in memory, loaded by the same harness.
/// The JIT warm-up cycles through the client levels so every level's code paths are compiled before any is measured.
/// </summary>
internal static class BareKestrelBench
{
    public static async Task<KestrelResult> RunAsync(BenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapGet("/instances/{instanceId}", (string instanceId) => TypedResults.Json(new SampleStatus(
            "BenchFanOut", instanceId, "Completed", 1, null, 1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z")));
        await app.StartAsync(cancellationToken);
        try
        {
            using var load = new LoadGenerator(new Uri(app.Urls.Single()));
            static HttpRequestSpec Get(int n) => HttpRequestSpec.Get($"/instances/bench{n % 1000:D4}");
            var levels = settings.KestrelClientLevels;
            var warmup = await JitWarmup.RunUntilQuietAsync(
                settings,
                (slice, token) => load.RunAsync(levels[slice % levels.Count], settings.JitSlice, settings.HttpMaxRequests, Get, HttpStatusCode.OK, token),
                cancellationToken);
            progress($"bare Kestrel warm-up: {warmup.Describe()}");

            var results = new List<LatencySummary>();
            var probedLevels = new List<LatencySummary>();
            foreach (var clients in levels)
            {
                await load.RunAsync(clients, settings.HttpWarmup, settings.HttpMaxRequests, Get, HttpStatusCode.OK, cancellationToken);
                var summary = await load.RunAsync(clients, settings.HttpDuration, settings.HttpMaxRequests, Get, HttpStatusCode.OK, cancellationToken);
                progress($"bare Kestrel GET, {clients} clients: {summary.RequestsPerSecond:0} requests/s, JIT {summary.JitTime.TotalMilliseconds:0} ms in window");
                results.Add(summary);

                var probed = await load.RunAsync(clients, settings.ProbeWindow, settings.HttpMaxRequests, Get, HttpStatusCode.OK, cancellationToken, probe: true);
                progress($"  probed window, {clients} clients: {probed.Diagnostics?.Describe()}");
                probedLevels.Add(probed);
            }

            return new KestrelResult(results, probedLevels, warmup);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}
