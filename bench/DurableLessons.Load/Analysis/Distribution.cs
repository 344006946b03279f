namespace DurableLessons.Load.Analysis;

/// <summary>Count, mean and nearest-rank percentiles of a set of values (NaN when empty).</summary>
internal sealed record Distribution(int Count, double Mean, double P50, double P99, double Max)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new Distribution(sorted.Length, sorted.Average(), Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
