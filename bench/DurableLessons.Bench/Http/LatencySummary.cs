using DurableLessons.Bench.Diagnostics;

namespace DurableLessons.Bench.Http;

/// <summary>Requests, throughput and latency percentiles of one load level.</summary>
/// <param name="JitTime">Time the process spent compiling methods (all threads) inside the measured window.</param>
internal sealed record LatencySummary(
    int Clients,
    int Requests,
    int Errors,
    TimeSpan Elapsed,
    double P50Milliseconds,
    double P99Milliseconds,
    double CpuShare,
    TimeSpan JitTime,
    string? FirstError,
    WindowDiagnostics? Diagnostics = null)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentiles over every request's latency (Stopwatch ticks).</summary>
    public static LatencySummary From(
        int clients, List<long> latencyTicks, int errors, TimeSpan elapsed, double cpuShare, TimeSpan jitTime, string? firstError, WindowDiagnostics? diagnostics)
    {
        latencyTicks.Sort();
        return new LatencySummary(
            clients,
            latencyTicks.Count,
            errors,
            elapsed,
            Percentiles.Milliseconds(latencyTicks, 0.50),
            Percentiles.Milliseconds(latencyTicks, 0.99),
            cpuShare,
            jitTime,
            firstError,
            diagnostics);
    }
}
