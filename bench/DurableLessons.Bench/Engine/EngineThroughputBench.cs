using System.Runtime;
using DurableLessons.Bench.Machine;
using DurableLessons.Bench.Warmup;

namespace DurableLessons.Bench.Engine;

internal sealed record EngineThroughputResult(
    int Width,
    int Orchestrations,
    TimeSpan Elapsed,
    long Episodes,
    long? CountedCommits,
    string? CounterUnavailableReason,
    double CpuShare,
    int InFlight,
    int MaxConcurrentOrchestrations,
    int MaxConcurrentActivities,
    WarmupResult Warmup,
    TimeSpan JitTime)
{
    public double OrchestrationsPerSecond => Orchestrations / Elapsed.TotalSeconds;

    /// <summary>SQLite commits/s measured right before and right after this run (their mean); null when not measured.</summary>
    public double? SqliteCommitsPerSecondAround { get; init; }

    public double ActivitiesPerSecond => OrchestrationsPerSecond * Width;

    public double EpisodesPerOrchestration => (double)Episodes / Orchestrations;

    /// <summary>The engine's accounting without group commit: 1 start + 1 per activity result + 1 per episode.</summary>
    public double DocumentedCommitsPerOrchestration => 1 + Width + EpisodesPerOrchestration;

    /// <summary>Transactions the writer really committed per orchestration (group commit merges operations).</summary>
    public double? CountedCommitsPerOrchestration => CountedCommits is { } commits ? (double)commits / Orchestrations : null;
}

/// <summary>
/// Orchestrations per second for one fan-out width: a fresh engine on a fresh database file, a discarded JIT warm-up
/// (slices of the same load until the JIT is quiet; the JIT is process-wide, so after the first width it is short),
/// a calibration run that fixes the orchestration count (so the measured run lasts about the target time), then the
/// measured run of exactly that many orchestrations, each started and waited to completion through the DurableTaskClient.
/// A measured run that ends well under the target (the calibration caught a slow moment) is repeated with a count
/// scaled from its own rate; the last run is the one reported.
/// </summary>
internal static class EngineThroughputBench
{
    private const double CountMargin = 1.2;
    private const double ShortRunFraction = 0.8;

    public static async Task<EngineThroughputResult> RunAsync(
        int width,
        string databasePath,
        BenchSettings settings,
        Action<string> progress,
        CancellationToken cancellationToken)
    {
        await using var host = await BenchEngineHost.StartAsync(databasePath, cancellationToken);
        var driver = new OrchestrationDriver(host.Client, width, settings.OrchestrationsInFlight);

        var warmup = await JitWarmup.RunUntilQuietAsync(
            settings,
            (slice, token) => driver.RunForAsync($"warm{slice}-", settings.JitSlice, token),
            cancellationToken);
        progress($"fan-out {width} warm-up: {warmup.Describe()}");
        var (calibrated, calibrationElapsed) = await driver.RunForAsync("cal-", settings.EngineCalibration, cancellationToken);
        var count = CountFor(calibrated / calibrationElapsed.TotalSeconds, settings);

        using var counter = EngineCommitCounter.TryAttach(host.Services, out var counterUnavailable);
        for (var attempt = 1; ; attempt++)
        {
            progress($"fan-out {width}: measuring {count} orchestrations (run {attempt})");
            var prefix = $"run{attempt}-";
            var commitsBefore = counter?.Commits;
            var jitBefore = JitInfo.GetCompilationTime();
            var cpu = ProcessCpu.Start();
            var elapsed = await MeasureAsync(driver, prefix, count, width, settings, cancellationToken);
            var commits = counter?.Commits - commitsBefore;
            var cpuShare = cpu.ShareOfMachine();
            var jit = JitInfo.GetCompilationTime() - jitBefore;
            if (elapsed >= settings.EngineTarget * ShortRunFraction || attempt == settings.EngineMaxAttempts)
            {
                counter?.Dispose();
                var episodes = await JournalEpisodeCounter.CountEpisodesAsync(databasePath, prefix, cancellationToken);
                var options = host.Options;
                return new EngineThroughputResult(
                    width,
                    count,
                    elapsed,
                    episodes,
                    commits,
                    counterUnavailable,
                    cpuShare,
                    settings.OrchestrationsInFlight,
                    options.MaxConcurrentOrchestrations,
                    options.MaxConcurrentActivities,
                    warmup,
                    jit);
            }

            count = CountFor(count / elapsed.TotalSeconds, settings);
        }
    }

    private static int CountFor(double orchestrationsPerSecond, BenchSettings settings) =>
        Math.Max(settings.OrchestrationsInFlight, (int)Math.Ceiling(orchestrationsPerSecond * settings.EngineTarget.TotalSeconds * CountMargin));

    private static async Task<TimeSpan> MeasureAsync(
        OrchestrationDriver driver,
        string prefix,
        int count,
        int width,
        BenchSettings settings,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.EngineTimeout);
        try
        {
            return await driver.RunCountAsync(prefix, count, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{count} orchestrations of width {width} did not finish within {settings.EngineTimeout}.");
        }
    }
}
