using System.Diagnostics;
using DurableLessons.Bench.Engine;
using DurableLessons.Bench.Http;
using DurableLessons.Bench.Machine;
using DurableLessons.Bench.Providers;
using DurableLessons.Bench.Report;
using DurableLessons.Bench.Sqlite;

namespace DurableLessons.Bench;

/// <summary>Runs every part in turn; a part that fails is reported and the others still run.</summary>
internal static class BenchRunner
{
    public static async Task<BenchReport> RunAsync(BenchSettings settings, BenchParts parts, string command, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var loadAtStart = LoadAverage.Read();
        var machine = MachineInfo.Read();
        Progress(
            $"{machine.ProcessorCount} cores ({machine.CpuModel}), {machine.Memory}, {machine.OperatingSystem}, {machine.DotNet}, " +
            $"{machine.GarbageCollector} GC; load average {loadAtStart}");

        using var temp = new TempFolder();
        var errors = new List<string>();

        var sqlite = !parts.HasFlag(BenchParts.Sqlite) ? null : await AttemptAsync(
            "SQLite baseline",
            () => SqliteCommitBench.RunAsync(temp.File("sqlite-baseline.db"), settings.SqliteWarmup, settings.SqliteDuration, cancellationToken),
            errors);
        if (sqlite is not null)
        {
            Progress($"SQLite: {sqlite.TransactionsPerSecond:0} commits/s");
        }

        var engine = new List<EngineThroughputResult>();
        foreach (var width in parts.HasFlag(BenchParts.Engine) ? settings.FanOutWidths : [])
        {
            var result = await AttemptAsync(
                $"engine, fan-out {width}",
                async () =>
                {
                    var before = await SqliteCommitBench.RunAsync(temp.File($"sqlite-before-{width}.db"), settings.SqliteWarmup, settings.SqliteBracket, cancellationToken);
                    var run = await EngineThroughputBench.RunAsync(width, temp.File($"engine-fanout-{width}.db"), settings, Progress, cancellationToken);
                    var after = await SqliteCommitBench.RunAsync(temp.File($"sqlite-after-{width}.db"), settings.SqliteWarmup, settings.SqliteBracket, cancellationToken);
                    return run with { SqliteCommitsPerSecondAround = (before.TransactionsPerSecond + after.TransactionsPerSecond) / 2 };
                },
                errors);
            if (result is not null)
            {
                Progress($"fan-out {width}: {result.OrchestrationsPerSecond:0.0} orchestrations/s over {result.Elapsed.TotalSeconds:0.0} s");
                engine.Add(result);
            }
        }

        var withKestrel = parts.HasFlag(BenchParts.Kestrel);
        var withHost = parts.HasFlag(BenchParts.Host);
        var http = !withKestrel && !withHost ? null : await AttemptAsync(
            withKestrel && withHost ? "bare Kestrel and embedded host" : withKestrel ? "bare Kestrel" : "embedded host",
            () => HttpLatencyBench.RunAsync(withKestrel, withHost, temp.Folder("host"), settings, Progress, cancellationToken),
            errors);
        var providers = !parts.HasFlag(BenchParts.Providers) ? null : await AttemptAsync("engine providers", () => ProviderComparisonBench.RunAsync(settings, Progress, cancellationToken), errors);

        return new BenchReport
        {
            Command = command,
            Settings = settings,
            StartedAt = startedAt,
            Duration = stopwatch.Elapsed,
            Machine = machine,
            LoadAtStart = loadAtStart,
            LoadAtEnd = LoadAverage.Read(),
            Sqlite = sqlite,
            Engine = engine,
            Kestrel = http?.Kestrel,
            Host = http?.Host,
            Providers = providers ?? [],
            Errors = errors,
        };
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static async Task<T?> AttemptAsync<T>(string part, Func<Task<T>> run, List<string> errors) where T : class
    {
        try
        {
            return await run();
        }
#pragma warning disable CA1031 // One failed part is reported in the results; the remaining parts still measure.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var error = $"{part}: {exception.GetType().Name}: {exception.Message}";
            Progress($"FAILED {error}");
            errors.Add(error);
            return null;
        }
    }
}
