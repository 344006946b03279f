namespace DurableLessons.Bench;

/// <summary>How long and how hard each part of the benchmark runs; one instance per mode.</summary>
internal sealed record BenchSettings
{
    public required bool Quick { get; init; }

    /// <summary>Fan-out widths of the engine throughput runs (no-op activities per orchestration).</summary>
    public IReadOnlyList<int> FanOutWidths { get; init; } = [1, 10, 100];

    /// <summary>Orchestrations kept in flight by the in-process driver (each started, then waited to completion).</summary>
    public int OrchestrationsInFlight { get; init; } = 32;

    /// <summary>Run whose rate fixes the orchestration count of the measured run.</summary>
    public required TimeSpan EngineCalibration { get; init; }

    /// <summary>
    /// The measured run lasts at least about this long: count = calibrated rate × this × 1.2, and a run that still
    /// ends under 80 % of it is repeated with a count scaled up from its own rate.
    /// </summary>
    public required TimeSpan EngineTarget { get; init; }

    public int EngineMaxAttempts { get; init; } = 3;

    /// <summary>Upper bound of a measured engine run; past it the run is reported as failed.</summary>
    public TimeSpan EngineTimeout => EngineTarget * 6 + TimeSpan.FromSeconds(60);

    public IReadOnlyList<int> HostClientLevels { get; init; } = [1, 50, 200];

    public IReadOnlyList<int> KestrelClientLevels { get; init; } = [50, 200];

    /// <summary>
    /// Discarded run at each HTTP level's own client count, right before it is measured (opens that level's
    /// connections); the process-wide JIT warm-up (<see cref="JitSlice"/>) has already run by then.
    /// </summary>
    public required TimeSpan HttpWarmup { get; init; }

    /// <summary>
    /// Each HTTP measurement of a level runs this long in all (over its slices) or until its request budget is used,
    /// whichever comes first.
    /// </summary>
    public required TimeSpan HttpDuration { get; init; }

    /// <summary>
    /// Length of one slice of an HTTP level: the measurements of a level (host start, host status GET, bare Kestrel
    /// GET) take turns in slices this long until each has run <see cref="HttpDuration"/>, so the figures a target
    /// compares come from the same minutes (this machine's speed drifts by 20–40 % within minutes). A slice also ends
    /// at its share of the level's budget (budget × slice ÷ duration).
    /// </summary>
    public required TimeSpan HttpSlice { get; init; }

    /// <summary>Budget of a status GET or bare Kestrel GET level (see <see cref="HttpSlice"/> for a slice's share).</summary>
    public required int HttpMaxRequests { get; init; }

    /// <summary>
    /// After each measured HTTP level, a window of this length at the same client count with the runtime probe on
    /// (GC pauses, thread-pool dispatch, server time, writer queue): where the time goes, without taxing the
    /// measured numbers with the probe's own cost.
    /// </summary>
    public required TimeSpan ProbeWindow { get; init; }

    /// <summary>Budget of a start level: every start is an orchestration the host must then run to the end.</summary>
    public required int StartMaxRequests { get; init; }

    /// <summary>Upper bound for the started orchestrations to finish after a start slice or warm-up.</summary>
    public TimeSpan BacklogTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Length of one warm-up slice: the part's own load, after which the JIT's share of the slice is checked.</summary>
    public required TimeSpan JitSlice { get; init; }

    /// <summary>Warm-up ends after the first slice that spent less than this share of its wall time compiling.</summary>
    public double JitQuietShare { get; init; } = 0.01;

    /// <summary>Warm-up ends here even if the JIT is still busy; the report then says so.</summary>
    public required TimeSpan JitWarmupCap { get; init; }

    public required TimeSpan SqliteWarmup { get; init; }

    public required TimeSpan SqliteDuration { get; init; }

    /// <summary>
    /// SQLite commits are measured again for this long right before and right after each engine width, and that
    /// width's allowance uses their mean: the machine's speed drifts within a run, so a baseline taken minutes earlier
    /// made the share pass or fail with the drift.
    /// </summary>
    public required TimeSpan SqliteBracket { get; init; }

    public static BenchSettings Full { get; } = new()
    {
        Quick = false,
        EngineCalibration = TimeSpan.FromSeconds(2),
        EngineTarget = TimeSpan.FromSeconds(10),
        HttpWarmup = TimeSpan.FromSeconds(1),
        HttpDuration = TimeSpan.FromSeconds(10),
        HttpSlice = TimeSpan.FromSeconds(1),
        HttpMaxRequests = 500_000,
        ProbeWindow = TimeSpan.FromSeconds(3),
        StartMaxRequests = 200_000,
        JitSlice = TimeSpan.FromSeconds(1),
        JitWarmupCap = TimeSpan.FromSeconds(30),
        SqliteWarmup = TimeSpan.FromSeconds(1),
        SqliteDuration = TimeSpan.FromSeconds(10),
        SqliteBracket = TimeSpan.FromSeconds(2),
    };

    public static BenchSettings QuickMode { get; } = new()
    {
        Quick = true,
        EngineCalibration = TimeSpan.FromMilliseconds(500),
        EngineTarget = TimeSpan.FromSeconds(2),
        HttpWarmup = TimeSpan.FromMilliseconds(300),
        HttpDuration = TimeSpan.FromSeconds(2),
        HttpSlice = TimeSpan.FromMilliseconds(500),
        HttpMaxRequests = 100_000,
        ProbeWindow = TimeSpan.FromSeconds(1),
        StartMaxRequests = 40_000,
        JitSlice = TimeSpan.FromSeconds(1),
        JitWarmupCap = TimeSpan.FromSeconds(8),
        SqliteWarmup = TimeSpan.FromMilliseconds(300),
        SqliteDuration = TimeSpan.FromSeconds(2),
        SqliteBracket = TimeSpan.FromMilliseconds(500),
    };
}
