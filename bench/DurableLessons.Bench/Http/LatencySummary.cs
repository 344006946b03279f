namespace DurableLessons.Bench.Http;

/// <summary>Requests, throughput and latency percentiles of one load level.</summary>
internal sealed record LatencySummary(
    int Clients,
    int Requests,
    int Errors,
    TimeSpan Elapsed,
    double P50Milliseconds,
    double P99Milliseconds,
    double CpuShare,
    string? FirstError)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentiles over every request's latency (Stopwatch ticks).</summary>
    public static LatencySummary From(int clients, List<long> latencyTicks, int errors, TimeSpan elapsed, double cpuShare, string? firstError)
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
            firstError);
    }
}
