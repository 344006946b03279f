using DurableLessons.Bench.Http;
using DurableLessons.Bench.Machine;

namespace DurableLessons.Bench.Report;

/// <summary>
/// The machine-readable form of one full run (bench/results/latest.json): the machine, one row per measured run,
/// the physical baselines, every target with its ratio and verdict, and the whole report underneath.
/// </summary>
internal sealed record ResultsDocument(
    MachineInfo Machine,
    IReadOnlyList<ResultRun> Runs,
    ResultBaselines Baselines,
    IReadOnlyList<ResultTarget> Targets,
    BenchReport Detail)
{
    public static ResultsDocument From(BenchReport report)
    {
        var runs = new List<ResultRun>();
        runs.AddRange(report.Engine.Select(engine => new ResultRun("engine", "sqlite")
        {
            FanOut = engine.Width,
            OrchestrationsPerSecond = engine.OrchestrationsPerSecond,
        }));
        runs.AddRange((report.Host?.Starts ?? []).Select(level => Http("host-start", "sqlite", level)));
        runs.AddRange((report.Host?.StatusGets ?? []).Select(level => Http("host-status", "sqlite", level)));
        runs.AddRange((report.Kestrel?.Levels ?? []).Select(level => Http("kestrel-get", "none", level)));
        foreach (var provider in report.Providers)
        {
            var engine = provider.Provider.StartsWith("Embedded", StringComparison.Ordinal) ? "sqlite" : "azurestorage";
            runs.AddRange(provider.FanOuts.Select(fanOut => new ResultRun("providers", engine)
            {
                FanOut = fanOut.Width,
                Workers = provider.Workers,
                OrchestrationsPerSecond = fanOut.OrchestrationsPerSecond,
            }));
        }

        var baselines = new ResultBaselines(
            report.Sqlite?.TransactionsPerSecond,
            (report.Kestrel?.Levels ?? []).Select(level => new KestrelBaseline(level.Clients, level.RequestsPerSecond, level.P50Milliseconds, level.P99Milliseconds)).ToList());
        var targets = TargetChecks.Evaluate(report)
            .Select(check => new ResultTarget(check.Target, check.Ratio, check.Limit, check.Measured, check.Required, check.Passed))
            .ToList();
        return new ResultsDocument(report.Machine, runs, baselines, targets, report);
    }

    private static ResultRun Http(string part, string engine, LatencySummary level) => new(part, engine)
    {
        Clients = level.Clients,
        RequestsPerSecond = level.RequestsPerSecond,
        P50Ms = level.P50Milliseconds,
        P99Ms = level.P99Milliseconds,
    };
}

internal sealed record ResultRun(string Part, string Engine)
{
    public int? Clients { get; init; }

    public int? FanOut { get; init; }

    public int? Workers { get; init; }

    public double? RequestsPerSecond { get; init; }

    public double? OrchestrationsPerSecond { get; init; }

    public double? P50Ms { get; init; }

    public double? P99Ms { get; init; }
}

internal sealed record ResultBaselines(double? SqliteCommitsPerSecond, IReadOnlyList<KestrelBaseline> KestrelGet);

internal sealed record KestrelBaseline(int Clients, double RequestsPerSecond, double P50Ms, double P99Ms);

/// <param name="Passed">True or false for a judged target; null for a ratio that is only reported.</param>
internal sealed record ResultTarget(string Name, double? Ratio, double? Limit, string Measured, string Required, bool? Passed);
