namespace DurableLessons.Bench.Diagnostics;

/// <summary>Durations (seconds) recorded from any thread, summarized as count, p50, p99 and max in milliseconds.</summary>
internal sealed class DurationSamples
{
    private readonly Lock _gate = new();
    private readonly List<double> _seconds = [];

    public void Add(double seconds)
    {
        lock (_gate)
        {
            _seconds.Add(seconds);
        }
    }

    public DurationSummary Summarize()
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _seconds];
        }

        Array.Sort(sorted);
        return sorted.Length == 0
            ? new DurationSummary(0, 0, 0, 0, 0)
            : new DurationSummary(sorted.Length, At(sorted, 0.50), At(sorted, 0.99), sorted[^1] * 1000, sorted.Sum() * 1000);
    }

    private static double At(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000;
}

/// <summary>Count and nearest-rank percentiles of a set of durations, in milliseconds.</summary>
internal sealed record DurationSummary(int Count, double P50Ms, double P99Ms, double MaxMs, double TotalMs);

/// <summary>What one measured window spent outside the work itself (see <see cref="RuntimeProbe"/>).</summary>
internal sealed record WindowDiagnostics(
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseShare,
    DurationSummary GcPause,
    DurationSummary ThreadPoolDispatch,
    int ThreadPoolStarvationInjections,
    DurationSummary ServerRequest,
    DurationSummary ClientWriteQueue,
    DurationSummary EngineWriteQueue,
    DurationSummary WriterTransaction)
{
    /// <summary>One line for the console: GC, thread pool, server time, writer queue.</summary>
    public string Describe() =>
        FormattableString.Invariant(
            $"GC {Gen0Collections}/{Gen1Collections}/{Gen2Collections} (gen0/1/2), pauses {GcPauseShare:P1} of the window, p99 {GcPause.P99Ms:0.00} ms, max {GcPause.MaxMs:0.00} ms; ") +
        FormattableString.Invariant(
            $"pool dispatch p50 {ThreadPoolDispatch.P50Ms:0.00} p99 {ThreadPoolDispatch.P99Ms:0.00} max {ThreadPoolDispatch.MaxMs:0.00} ms, starvation injections {ThreadPoolStarvationInjections}; ") +
        FormattableString.Invariant(
            $"server p50 {ServerRequest.P50Ms:0.00} p99 {ServerRequest.P99Ms:0.00} ms; client writes queued p50 {ClientWriteQueue.P50Ms:0.00} p99 {ClientWriteQueue.P99Ms:0.00} ms (n {ClientWriteQueue.Count}), ") +
        FormattableString.Invariant(
            $"engine writes p99 {EngineWriteQueue.P99Ms:0.00} ms (n {EngineWriteQueue.Count}); transactions {WriterTransaction.Count} p50 {WriterTransaction.P50Ms:0.00} p99 {WriterTransaction.P99Ms:0.00} max {WriterTransaction.MaxMs:0.00} ms");
}
