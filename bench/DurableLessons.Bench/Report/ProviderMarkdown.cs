using System.Globalization;
using System.Text;

namespace DurableLessons.Bench.Report;

/// <summary>The engine-provider comparison as a table: one row per configuration, orchestrations/s per fan-out width.</summary>
internal static class ProviderMarkdown
{
    public static void Append(StringBuilder text, BenchReport report)
    {
        if (report.Providers.Count == 0)
        {
            return;
        }

        var widths = report.Providers[0].FanOuts.Select(f => f.Width).ToList();
        text.AppendLine("### 5. Engine providers (same workload; the host's composition in one process; orchestrations/s, 8 in flight)");
        text.AppendLine();
        text.AppendLine("| engine | workers | " + string.Join(" | ", widths.Select(w => $"fan-out {w}")) + " | one offline lesson |");
        text.AppendLine("|---|---|" + string.Concat(widths.Select(_ => "---|")) + "---|");
        foreach (var row in report.Providers)
        {
            var cells = row.FanOuts.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.OrchestrationsPerSecond:0.0} ({f.ActivitiesPerSecond:0} act/s)"));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Workers} | {string.Join(" | ", cells)} | {row.OneLesson.TotalSeconds:0.0} s |"));
        }

        text.AppendLine();
    }
}
