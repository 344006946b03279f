using System.Globalization;

namespace DurableLessons.Resilience.Tests;

/// <summary>How far the longer form scales: <c>RESILIENCE_RUNS</c> (default 1) runs of each repeatable scenario.</summary>
internal static class ResilienceSettings
{
    public static int Runs =>
        int.TryParse(Environment.GetEnvironmentVariable("RESILIENCE_RUNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? runs
            : 1;
}
