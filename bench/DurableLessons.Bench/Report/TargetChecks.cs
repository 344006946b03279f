namespace DurableLessons.Bench.Report;

/// <summary>One performance target of the foundation issue, with what this run measured against it.</summary>
internal sealed record TargetCheck(string Target, string Measured, string Required, bool? Passed);

/// <summary>Derives the comparisons the foundation issue asks for from the raw measurements.</summary>
internal static class TargetChecks
{
    public const double StatusShareOfKestrel = 0.50;
    public const double StartP99Milliseconds = 10.0;
    public const int StartP99Clients = 200;
    public const double ShareOfSqliteAllowance = 0.25;

    public static IReadOnlyList<TargetCheck> Evaluate(BenchReport report)
    {
        var checks = new List<TargetCheck>();
        foreach (var kestrel in report.Kestrel?.Levels ?? [])
        {
            var status = report.Host?.StatusGets.FirstOrDefault(s => s.Clients == kestrel.Clients);
            var share = status is null ? (double?)null : status.RequestsPerSecond / kestrel.RequestsPerSecond;
            checks.Add(new TargetCheck(
                $"status GET requests/s vs bare Kestrel, {kestrel.Clients} clients",
                share is null ? "n/a" : $"{status!.RequestsPerSecond:0} / {kestrel.RequestsPerSecond:0} = {share:P0}",
                $"≥ {StatusShareOfKestrel:P0}",
                share is null ? null : share >= StatusShareOfKestrel && status!.Errors == 0));
        }

        var start = report.Host?.Starts.FirstOrDefault(s => s.Clients == StartP99Clients);
        var kestrelAtSameLoad = report.Kestrel?.Levels.FirstOrDefault(s => s.Clients == StartP99Clients);
        var floor = kestrelAtSameLoad is null ? string.Empty : $" (bare Kestrel GET p99 at {StartP99Clients} clients: {kestrelAtSameLoad.P99Milliseconds:0.00} ms)";
        checks.Add(new TargetCheck(
            $"start p99, {StartP99Clients} clients",
            start is null ? "n/a" : $"{start.P99Milliseconds:0.00} ms{floor}",
            $"≤ {StartP99Milliseconds:0} ms",
            start is null ? null : start.P99Milliseconds <= StartP99Milliseconds && start.Errors == 0));

        foreach (var engine in report.Engine)
        {
            var allowed = report.Sqlite is null ? (double?)null : report.Sqlite.TransactionsPerSecond / engine.DocumentedCommitsPerOrchestration;
            var share = allowed is null ? (double?)null : engine.OrchestrationsPerSecond / allowed.Value;
            checks.Add(new TargetCheck(
                $"orchestrations/s vs SQLite allowance, fan-out {engine.Width}",
                allowed is null
                    ? "n/a"
                    : $"{engine.OrchestrationsPerSecond:0.0} / ({report.Sqlite!.TransactionsPerSecond:0} commits/s ÷ {engine.DocumentedCommitsPerOrchestration:0.0} commits) = {engine.OrchestrationsPerSecond:0.0} / {allowed:0.0} = {share:P0}",
                $"≥ {ShareOfSqliteAllowance:P0}",
                share is null ? null : share >= ShareOfSqliteAllowance));
        }

        return checks;
    }

    public static string Verdict(bool? passed) => passed switch
    {
        true => "PASS",
        false => "FAIL",
        null => "not measured",
    };
}
