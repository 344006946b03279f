namespace DurableLessons.Bench.Http;

/// <summary>
/// The raw figures of one load run, every answered request's latency included (Stopwatch ticks), so that a level
/// measured in several slices can be summarised over all of them (<see cref="LatencySummary.From"/>).
/// </summary>
/// <param name="CpuShare">The process's CPU use during the run, as a share of all cores.</param>
/// <param name="JitTime">Time the process spent compiling methods (all threads) during the run.</param>
internal sealed record LoadSlice(
    int Clients,
    IReadOnlyList<long> LatencyTicks,
    int Errors,
    TimeSpan Elapsed,
    double CpuShare,
    TimeSpan JitTime,
    string? FirstError)
{
    /// <summary>Requests sent, answered as expected or not: what a request budget counts.</summary>
    public int Issued => LatencyTicks.Count + Errors;
}
