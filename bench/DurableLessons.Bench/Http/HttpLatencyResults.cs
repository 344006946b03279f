using DurableLessons.Bench.Warmup;

namespace DurableLessons.Bench.Http;

/// <summary>The bare Kestrel levels and the JIT warm-up that preceded them.</summary>
internal sealed record KestrelResult(IReadOnlyList<LatencySummary> Levels, IReadOnlyList<LatencySummary> ProbedLevels, WarmupResult Warmup);

/// <summary>The embedded host's start and status GET levels, the probed windows after them and their warm-ups.</summary>
/// <param name="BacklogDrains">Per start level, the time the started orchestrations took to finish after its slices, in all.</param>
internal sealed record HostLatencyResult(
    IReadOnlyList<LatencySummary> Starts,
    IReadOnlyList<LatencySummary> StatusGets,
    IReadOnlyList<LatencySummary> ProbedStarts,
    IReadOnlyList<LatencySummary> ProbedStatusGets,
    IReadOnlyList<TimeSpan> BacklogDrains,
    int FailedInstances,
    WarmupResult StartWarmup,
    WarmupResult StatusWarmup);

/// <summary>Section 2's two parts; each is null when it was not asked for (<c>--only</c>).</summary>
internal sealed record HttpLatencyResult(KestrelResult? Kestrel, HostLatencyResult? Host);
