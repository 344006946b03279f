using System.Diagnostics;

namespace DurableLessons.Bench;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile of sorted Stopwatch tick durations, in milliseconds (NaN when empty).</summary>
    public static double Milliseconds(List<long> sortedTicks, double fraction) =>
        sortedTicks.Count == 0
            ? double.NaN
            : sortedTicks[Math.Clamp((int)Math.Ceiling(fraction * sortedTicks.Count) - 1, 0, sortedTicks.Count - 1)] * 1000.0 / Stopwatch.Frequency;
}
