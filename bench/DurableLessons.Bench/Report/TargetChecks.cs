using System.Globalization;

namespace DurableLessons.Bench.Report;

/// <summary>
/// One target of the performance issue, with what this run measured against it. <see cref="Ratio"/> is the measured
/// ratio (or share) and <see cref="Limit"/> the bound it is held to; <see cref="Passed"/> is null for a ratio that is
/// reported, not judged (the provider comparison) or could not be measured.
/// </summary>
internal sealed record TargetCheck(string Target, string Measured, string Required, bool? Passed, double? Ratio = null, double? Limit = null);

/// <summary>
/// Derives the comparisons the performance issue asks for from the raw measurements, each a ratio within this run
/// (the machine is shared and its speed drifts, so absolute numbers of two runs do not compare; it drifts within a run
/// too, which is why the HTTP ratios compare loads measured in interleaved slices of the same levels).
/// </summary>
internal static class TargetChecks
{
    public const double StartP99PerKestrelP99 = 3.0;
    public const double StartP50PerKestrelP50 = 2.0;
    public const double StatusShareOfKestrel = 0.60;

    /// <summary>
    /// The share of the SQLite allowance each fan-out width reached in the recorded run these targets were set
    /// against (2026-12-06 00:14 UTC: 5,286 / 1,695 / 172 orchestrations/s against 29,227 SQLite commits/s);
    /// throughput must not fall below it.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, double> RecordedShareOfSqliteAllowance = new Dictionary<int, double>
    {
        [1] = 0.723,
        [10] = 0.757,
        [100] = 0.609,
    };

    public static IReadOnlyList<TargetCheck> Evaluate(BenchReport report)
    {
        var checks = new List<TargetCheck>();
        if (report.Kestrel is not null || report.Host is not null)
        {
            foreach (var clients in report.Settings.KestrelClientLevels)
            {
                checks.AddRange(HttpRatios(report, clients));
            }
        }

        foreach (var engine in report.Engine)
        {
            var commitsPerSecond = engine.SqliteCommitsPerSecondAround ?? report.Sqlite?.TransactionsPerSecond;
            if (commitsPerSecond is not { } sqlite || !RecordedShareOfSqliteAllowance.TryGetValue(engine.Width, out var recorded))
            {
                continue;
            }

            var allowed = sqlite / engine.DocumentedCommitsPerOrchestration;
            var share = engine.OrchestrationsPerSecond / allowed;
            var where = engine.SqliteCommitsPerSecondAround is null ? "" : " around the run";
            checks.Add(new TargetCheck(
                $"orchestrations/s vs SQLite allowance, fan-out {engine.Width}",
                Invariant($"{engine.OrchestrationsPerSecond:0.0} / ({sqlite:0} commits/s{where} ÷ {engine.DocumentedCommitsPerOrchestration:0.0} commits) = {engine.OrchestrationsPerSecond:0.0} / {allowed:0.0} = {share:P0}"),
                Invariant($"≥ {recorded:P0} (recorded run)"),
                share >= recorded,
                share,
                recorded));
        }

        checks.AddRange(ProviderRatios(report));
        return checks;
    }

    public static string Verdict(TargetCheck check) => check.Passed switch
    {
        true => "PASS",
        false => "FAIL",
        null => check.Ratio is null ? "not measured" : "reported",
    };

    /// <summary>
    /// The start latency and status GET targets at one client count, from the interleaved level that measured both
    /// servers; a run without one of them says so instead.
    /// </summary>
    private static IEnumerable<TargetCheck> HttpRatios(BenchReport report, int clients)
    {
        var kestrel = report.Kestrel?.Levels.FirstOrDefault(level => level.Clients == clients);
        var start = report.Host?.Starts.FirstOrDefault(level => level.Clients == clients);
        var status = report.Host?.StatusGets.FirstOrDefault(level => level.Clients == clients);
        var p99Target = $"start p99 vs bare Kestrel GET p99, {clients} clients";
        var p50Target = $"start p50 vs bare Kestrel GET p50, {clients} clients";
        var statusTarget = $"status GET requests/s vs bare Kestrel, {clients} clients";
        var p99Required = Invariant($"≤ {StartP99PerKestrelP99:0}×");
        var p50Required = Invariant($"≤ {StartP50PerKestrelP50:0}×");
        var statusRequired = Invariant($"≥ {StatusShareOfKestrel:P0}");
        var missing = kestrel is null ? "bare Kestrel" : start is null || status is null ? "embedded host" : null;
        if (kestrel is null || start is null || status is null)
        {
            var notMeasured = $"not measured: this run has no {missing} level at {clients} clients";
            return
            [
                new TargetCheck(p99Target, notMeasured, p99Required, null),
                new TargetCheck(p50Target, notMeasured, p50Required, null),
                new TargetCheck(statusTarget, notMeasured, statusRequired, null),
            ];
        }

        var share = status.RequestsPerSecond / kestrel.RequestsPerSecond;
        return
        [
            AtMost(p99Target, start.P99Milliseconds, kestrel.P99Milliseconds, StartP99PerKestrelP99, start.Errors),
            AtMost(p50Target, start.P50Milliseconds, kestrel.P50Milliseconds, StartP50PerKestrelP50, start.Errors),
            new TargetCheck(
                statusTarget,
                Invariant($"{status.RequestsPerSecond:0} / {kestrel.RequestsPerSecond:0} = {share:P0}"),
                statusRequired,
                share >= StatusShareOfKestrel && status.Errors == 0,
                share,
                StatusShareOfKestrel),
        ];
    }

    /// <summary>The embedded engine's orchestrations/s over the DTFx + Azure Storage peer's (one worker), per width.</summary>
    private static IEnumerable<TargetCheck> ProviderRatios(BenchReport report)
    {
        var embedded = report.Providers.FirstOrDefault(p => p.Provider.StartsWith("Embedded", StringComparison.Ordinal));
        var peer = report.Providers.FirstOrDefault(p => p.Provider.StartsWith("DTFx", StringComparison.Ordinal) && p.Workers == 1);
        if (embedded is null || peer is null)
        {
            yield break;
        }

        foreach (var ours in embedded.FanOuts)
        {
            if (peer.FanOuts.FirstOrDefault(f => f.Width == ours.Width) is { OrchestrationsPerSecond: > 0 } theirs)
            {
                var ratio = ours.OrchestrationsPerSecond / theirs.OrchestrationsPerSecond;
                yield return new TargetCheck(
                    $"embedded engine vs DTFx + Azure Storage (Azurite, 1 worker), fan-out {ours.Width}",
                    Invariant($"{ours.OrchestrationsPerSecond:0.0} / {theirs.OrchestrationsPerSecond:0.0} orchestrations/s = {ratio:0.0}×"),
                    "said, not judged",
                    null,
                    ratio);
            }
        }
    }

    private static TargetCheck AtMost(string target, double measured, double reference, double factor, int errors)
    {
        var ratio = measured / reference;
        return new TargetCheck(
            target,
            Invariant($"{measured:0.00} ms / {reference:0.00} ms = {ratio:0.0}×"),
            Invariant($"≤ {factor:0}×"),
            ratio <= factor && errors == 0,
            ratio,
            factor);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
