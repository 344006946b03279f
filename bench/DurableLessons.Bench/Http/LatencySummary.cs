using DurableLessons.Bench.Diagnostics;

namespace DurableLessons.Bench.Http;

/// <summary>Requests, throughput and latency percentiles of one load level (one run, or the slices it was measured in).</summary>
/// <param name="JitTime">Time the process spent compiling methods (all threads) inside the measured window(s).</param>
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

    /// <summary>
    /// One level from the slices it was measured in: requests/s = all answered requests ÷ all measured time,
    /// nearest-rank percentiles over every slice's samples together, CPU share weighted by each slice's time,
    /// JIT time and errors summed, the first slice's first error.
    /// </summary>
    public static LatencySummary From(IReadOnlyList<LoadSlice> slices, WindowDiagnostics? diagnostics = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(slices.Count);
        var latencyTicks = new List<long>(slices.Sum(slice => slice.LatencyTicks.Count));
        var elapsed = TimeSpan.Zero;
        var jitTime = TimeSpan.Zero;
        var cpuSeconds = 0.0;
        foreach (var slice in slices)
        {
            latencyTicks.AddRange(slice.LatencyTicks);
            elapsed += slice.Elapsed;
            jitTime += slice.JitTime;
            cpuSeconds += slice.CpuShare * slice.Elapsed.TotalSeconds;
        }

        latencyTicks.Sort();
        return new LatencySummary(
            slices[0].Clients,
            latencyTicks.Count,
            slices.Sum(slice => slice.Errors),
            elapsed,
            Percentiles.Milliseconds(latencyTicks, 0.50),
            Percentiles.Milliseconds(latencyTicks, 0.99),
            elapsed > TimeSpan.Zero ? cpuSeconds / elapsed.TotalSeconds : 0,
            jitTime,
            slices.Select(slice => slice.FirstError).FirstOrDefault(error => error is not null),
            diagnostics);
    }
}
