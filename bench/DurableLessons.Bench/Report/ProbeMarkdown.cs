using System.Globalization;
using System.Text;
using DurableLessons.Bench.Http;

namespace DurableLessons.Bench.Report;

/// <summary>Where the time of each HTTP level went, from the probed window that followed it (section 3).</summary>
internal static class ProbeMarkdown
{
    public static void Append(StringBuilder text, BenchReport report)
    {
        var rows = (report.Host?.ProbedStarts ?? []).Select(level => ("host start", level))
            .Concat((report.Host?.ProbedStatusGets ?? []).Select(level => ("host status GET", level)))
            .Concat((report.Kestrel?.ProbedLevels ?? []).Select(level => ("bare Kestrel GET", level)))
            .Where(row => row.level.Diagnostics is not null)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine("### 3. Where the time goes (a window with the runtime probe on after each level, same clients)");
        text.AppendLine();
        text.AppendLine(
            "| window | clients | requests/s | client p50 / p99 (ms) | server p50 / p99 (ms) | client writes queued p50 / p99 (ms) | writer transactions p50 / p99 (ms) | " +
            "GC gen0 / gen1 / gen2 | GC pause share, max (ms) | thread-pool dispatch p50 / p99 (ms) | starvation injections |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, level) in rows)
        {
            var d = level.Diagnostics!;
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {level.Clients} | {level.RequestsPerSecond:0} | {level.P50Milliseconds:0.00} / {level.P99Milliseconds:0.00} | " +
                $"{d.ServerRequest.P50Ms:0.00} / {d.ServerRequest.P99Ms:0.00} | {Writes(d.ClientWriteQueue)} | {Writes(d.WriterTransaction)} | " +
                $"{d.Gen0Collections} / {d.Gen1Collections} / {d.Gen2Collections} | {d.GcPauseShare:P1}, {d.GcPause.MaxMs:0.0} | " +
                $"{d.ThreadPoolDispatch.P50Ms:0.00} / {d.ThreadPoolDispatch.P99Ms:0.00} | {d.ThreadPoolStarvationInjections} |"));
        }

        text.AppendLine();
        text.AppendLine(
            "Client = the harness's request written → body read; server = ASP.NET Core's own `http.server.request.duration` (routing, " +
            "middleware and handler, without the socket and Kestrel's parsing); client writes queued = the engine's " +
            "`durable_engine.journal.queue.duration` for the client lane (start, events, control: enqueue → its transaction begins); " +
            "GC from the runtime's GC events (suspension begin → restart end); thread-pool dispatch = a work item queued every 10 ms → run. " +
            "The probe costs throughput (roughly a fifth at these rates), so its windows are not the measured levels above.");
        text.AppendLine();
    }

    private static string Writes(Diagnostics.DurationSummary summary) =>
        summary.Count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{summary.P50Ms:0.00} / {summary.P99Ms:0.00}");
}
