using System.Text;
using DurableLessons.Bench.Http;
using DurableLessons.Bench.Sqlite;

namespace DurableLessons.Bench.Report;

/// <summary>Renders a run as the Markdown tables printed to the console and kept in bench/README.md.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var text = new StringBuilder();
        var mode = report.Settings.Quick ? "quick" : "full";
        text.AppendLine($"Run of {report.StartedAt:yyyy-MM-dd HH:mm} UTC, {mode} mode, {report.Duration.TotalMinutes:0.0} min in all: `{report.Command}`");
        text.AppendLine();
        AppendMachine(text, report);
        AppendEngine(text, report);
        AppendHttp(text, report);
        ProbeMarkdown.Append(text, report);
        AppendBaselines(text, report);
        ProviderMarkdown.Append(text, report);
        AppendTargets(text, report);
        if (report.Errors.Count > 0)
        {
            text.AppendLine("**Errors:**");
            text.AppendLine();
            foreach (var error in report.Errors)
            {
                text.AppendLine($"- {error}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static void AppendMachine(StringBuilder text, BenchReport report)
    {
        var machine = report.Machine;
        text.AppendLine("| nproc | memory | CPU | OS | .NET | GC | load average at start (1/5/15 min) | at end |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        text.AppendLine($"| {machine.ProcessorCount} | {machine.Memory} | {machine.CpuModel} | {machine.OperatingSystem} | {machine.DotNet} | {machine.GarbageCollector} | {report.LoadAtStart} | {report.LoadAtEnd} |");
        text.AppendLine();
    }

    private static void AppendEngine(StringBuilder text, BenchReport report)
    {
        var first = report.Engine.Count > 0 ? report.Engine[0] : null;
        text.AppendLine("### 1. Engine throughput (in-process DurableTaskClient, start → wait for completion)");
        text.AppendLine();
        if (first is not null)
        {
            text.AppendLine(
                $"{first.InFlight} orchestrations in flight; engine defaults MaxConcurrentOrchestrations={first.MaxConcurrentOrchestrations}, " +
                $"MaxConcurrentActivities={first.MaxConcurrentActivities}; a fresh SQLite file per width.");
            text.AppendLine();
        }

        text.AppendLine("| fan-out width | orchestrations | time (s) | orchestrations/s | activities/s | episodes / orchestration | commits / orchestration, engine accounting (1 + N + episodes) | commits / orchestration, counted (with group commit) | process CPU (share of all cores) | JIT during run (ms) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var engine in report.Engine)
        {
            var counted = engine.CountedCommitsPerOrchestration is { } commits ? $"{commits:0.00}" : $"n/a ({engine.CounterUnavailableReason})";
            text.AppendLine(
                $"| {engine.Width} | {engine.Orchestrations} | {engine.Elapsed.TotalSeconds:0.0} | {engine.OrchestrationsPerSecond:0.0} | {engine.ActivitiesPerSecond:0} | " +
                $"{engine.EpisodesPerOrchestration:0.00} | {engine.DocumentedCommitsPerOrchestration:0.00} | {counted} | {engine.CpuShare:P0} | {engine.JitTime.TotalMilliseconds:0} |");
        }

        text.AppendLine();
        if (report.Engine.Count > 0)
        {
            text.AppendLine($"JIT warm-up before each width ({WarmupRule(report.Settings)}): " +
                string.Join(", ", report.Engine.Select(engine => $"fan-out {engine.Width}: {engine.Warmup.Describe()}")) + ".");
            text.AppendLine();
        }
    }

    private static void AppendHttp(StringBuilder text, BenchReport report)
    {
        text.AppendLine("### 2. HTTP latency (same raw-socket keep-alive client for all rows; client and server share the machine)");
        text.AppendLine();
        text.AppendLine("| measurement | clients | requests | time (s) | requests/s | p50 (ms) | p99 (ms) | errors | process CPU (share of all cores) | JIT during window (ms) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var start = $"embedded host: start, POST …/orchestrators/BenchFanOut/{{id}} → 202 (fan-out {EmbeddedHostServer.StartedWidth})";
        foreach (var level in report.Host?.Starts ?? [])
        {
            AppendLevel(text, start, level);
        }

        foreach (var level in report.Host?.StatusGets ?? [])
        {
            AppendLevel(text, "embedded host: status, GET …/instances/{id} → 200", level);
        }

        foreach (var level in report.Kestrel?.Levels ?? [])
        {
            AppendLevel(text, "bare Kestrel minimal API: GET /instances/{id} → 200 JSON", level);
        }

        text.AppendLine();
        text.AppendLine(
            $"Each level is measured in slices of {report.Settings.HttpSlice.TotalSeconds:0.0#} s taken in turns (host start, host status GET, bare Kestrel GET, " +
            $"as far as the level has them) until each has run {report.Settings.HttpDuration.TotalSeconds:0} s or used its budget, so the rows of one " +
            "client count, and the targets' ratios between them, come from the same minutes; a row is the sum of its slices.");
        text.AppendLine();
        var warmups = new List<string>();
        if (report.Host is { } warmHost)
        {
            warmups.Add($"host starts {warmHost.StartWarmup.Describe()}");
            warmups.Add($"host status GETs {warmHost.StatusWarmup.Describe()}");
        }

        if (report.Kestrel is { } kestrel)
        {
            warmups.Add($"bare Kestrel {kestrel.Warmup.Describe()}");
        }

        if (warmups.Count > 0)
        {
            text.AppendLine($"JIT warm-up before the measured levels of each part ({WarmupRule(report.Settings)}), then {report.Settings.HttpWarmup.TotalSeconds:0.0} s at each level's own client count: {string.Join("; ", warmups)}.");
            text.AppendLine();
        }

        if (report.Host is { } host)
        {
            var drains = string.Join(", ", host.Starts.Zip(host.BacklogDrains, (level, drain) => $"{level.Clients} clients: {drain.TotalSeconds:0.0} s"));
            text.AppendLine($"Waiting for the started orchestrations to finish after each start slice (not measured) took, per level in all: {drains}. Failed instances: {host.FailedInstances}.");
            text.AppendLine();
        }

        var firstErrors = (report.Host?.Starts ?? []).Concat(report.Host?.StatusGets ?? []).Concat(report.Kestrel?.Levels ?? [])
            .Select(level => level.FirstError)
            .OfType<string>()
            .Distinct()
            .ToList();
        foreach (var error in firstErrors)
        {
            text.AppendLine($"- first error: `{error}`");
        }

        if (firstErrors.Count > 0)
        {
            text.AppendLine();
        }
    }

    private static void AppendLevel(StringBuilder text, string measurement, LatencySummary level) =>
        text.AppendLine(
            $"| {measurement} | {level.Clients} | {level.Requests} | {level.Elapsed.TotalSeconds:0.0} | {level.RequestsPerSecond:0} | " +
            $"{level.P50Milliseconds:0.00} | {level.P99Milliseconds:0.00} | {level.Errors} | {level.CpuShare:P0} | {level.JitTime.TotalMilliseconds:0} |");

    private static string WarmupRule(BenchSettings settings) =>
        $"slices of {settings.JitSlice.TotalSeconds:0.#} s of the part's own load until one spends under {settings.JitQuietShare:P0} of its wall time compiling, " +
        $"at most {settings.JitWarmupCap.TotalSeconds:0} s";

    private static void AppendBaselines(StringBuilder text, BenchReport report)
    {
        text.AppendLine("### 4. Physical baselines (same run)");
        text.AppendLine();
        text.AppendLine("| baseline | value |");
        text.AppendLine("|---|---:|");
        if (report.Sqlite is { } sqlite)
        {
            text.AppendLine(
                $"| SQLite commits/s: one connection, `{SqliteCommitBench.EnginePragmas}`, BEGIN IMMEDIATE + one {sqlite.RowBytes}-byte journal row + COMMIT " +
                $"({sqlite.Transactions} transactions in {sqlite.Elapsed.TotalSeconds:0.0} s; latency per transaction p50 {sqlite.P50Milliseconds:0.000} ms, " +
                $"p99 {sqlite.P99Milliseconds:0.000} ms) | {sqlite.TransactionsPerSecond:0} |");
        }

        foreach (var level in report.Kestrel?.Levels ?? [])
        {
            text.AppendLine($"| bare Kestrel GET requests/s, {level.Clients} clients (p50 {level.P50Milliseconds:0.00} ms, p99 {level.P99Milliseconds:0.00} ms) | {level.RequestsPerSecond:0} |");
        }

        text.AppendLine();
    }

    private static void AppendTargets(StringBuilder text, BenchReport report)
    {
        text.AppendLine("### 6. Targets");
        text.AppendLine();
        text.AppendLine("| target | measured | required | result |");
        text.AppendLine("|---|---|---|---|");
        foreach (var check in TargetChecks.Evaluate(report))
        {
            text.AppendLine($"| {check.Target} | {check.Measured} | {check.Required} | {TargetChecks.Verdict(check)} |");
        }

        text.AppendLine();
        text.AppendLine(
            "SQLite allowance = SQLite commits/s (the mean of two short measurements right before and right after that width's run, " +
            "as in table 4's first row: the machine's speed drifts within a run) ÷ the commits one orchestration needs by the engine's accounting " +
            "(Engine/Storage/JournalWriter.cs: 1 start + 1 per activity result + 1 per episode, episodes read from the run's journal), " +
            "i.e. without the savings of group commit; the counted column of table 1 shows what group commit really wrote.");
        text.AppendLine();
        text.AppendLine(
            "The HTTP clients are closed-loop (no pause between requests), so mean latency = clients ÷ requests/s (Little's law): " +
            "a start p50 within 2× of bare Kestrel's needs about half of bare Kestrel's request rate while every start's orchestration also runs.");
        text.AppendLine();
    }
}
