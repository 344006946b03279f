using System.Globalization;
using System.Text;
using DurableLessons.Load.Analysis;

namespace DurableLessons.Load.Report;

/// <summary>The result of a run as Markdown, ready to paste into bench/README.md.</summary>
internal static class MarkdownReport
{
    /// <summary>The in-flight target, 200 MB (decimal), in MiB.</summary>
    public const double RssLimitMiB = 200_000_000 / 1024.0 / 1024.0;

    public static string Render(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = result.Options;
        var machine = result.Machine;
        var text = new StringBuilder();
        Line(text, $"#### {Title(options)}: run of {result.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        Line(text);
        Line(text, $"`{result.Command}`: {options.Describe()}.");
        Line(text);
        Line(text, "| nproc | memory | CPU | OS | .NET | host GC | load average at start (1/5/15 min) | at end |");
        Line(text, "|---|---|---|---|---|---|---|---|");
        Line(text, $"| {machine.ProcessorCount} | {machine.Memory} | {machine.CpuModel} | {machine.OperatingSystem} | {machine.DotNet} | {machine.HostGarbageCollector} | {result.LoadAverageAtStart} | {result.LoadAverageAtEnd} |");
        Line(text);
        Line(text, $"Host (child process): {result.HostSettings}.");
        Line(text);
        Line(text, "| figure | value |");
        Line(text, "|---|---:|");
        Row(text, "lessons started / completed", $"{result.Started} / {result.Completed}");
        Row(text, "not completed (by final status)", result.NotCompleted.Count == 0
            ? "none"
            : string.Join(", ", result.NotCompleted.Select(n => $"{n.Key}: {n.Value}")));
        Row(text, options.Mode == LoadMode.Fast
            ? "measured time (first start → last lesson seen terminal; clients start no lesson after the duration)"
            : "measured time (first start → all lessons seen terminal)", $"{result.MeasuredSeconds:0.0} s");
        if (options.Mode == LoadMode.InFlight)
        {
            Row(text, $"time to request all {options.Lessons} lessons ({options.Clients} concurrent starters)", $"{result.RampSeconds:0.0} s");
        }

        Row(text, "lessons/s (completed ÷ measured time)", $"{result.LessonsPerSecond:0.00}");
        Row(text, "peak lessons in flight (started, not yet seen terminal by the client)", $"{result.PeakInFlight}");
        Row(text, "start: POST /api/lessons → 202, p50 / p99", Latency(result.StartLatency));
        Row(text, "status GET by the polling clients (statusQueryGetUri, Retry-After honoured), p50 / p99", Latency(result.PollLatency));
        Row(text, "status GET by the probe (one every 100 ms, a run in flight), p50 / p99 / max", Latency(result.ProbeLatency, withMax: true));
        Row(text, "end to end per lesson (POST sent → terminal state seen), p50 / p99", Seconds(result.EndToEnd));
        Row(text, "model calls; service time p50 / p99", $"{result.ModelCalls}; {Latency(result.ModelServiceTime)}");
        AddOverhead(text, result.TimeSplits);
        Row(text, "host CPU time per completed lesson (user + system)", result.Completed > 0 ? $"{result.HostCpuSeconds * 1000 / result.Completed:0.0} ms" : "n/a");
        Row(text, "host RSS before the load (after start-up" + (options.Mode == LoadMode.Fast ? " and 8 warm-up lessons)" : ")"), Mib(result.Baseline?.Rss));
        Row(text, "host peak RSS (VmHWM)", Mib(result.PeakRssMiB));
        if (result.LargestSample is { } largest)
        {
            Row(text, "largest RSS sample (every 250 ms): anonymous / file-backed / shared", $"{Mib(largest.Rss)} at {largest.ElapsedSeconds:0} s: {Mib(largest.RssAnon)} / {Mib(largest.RssFile)} / {Mib(largest.RssShmem)}");
        }

        Row(text, "host RSS at the end (all lessons terminal)", Mib(result.AtEnd?.Rss));
        Row(text, "host threads: before the load / most seen / at the end", $"{result.Baseline?.Threads} / {result.MaxThreads} / {result.AtEnd?.Threads}");
        if (options.Mode == LoadMode.InFlight)
        {
            Row(text, $"peak RSS under 200 MB (= {RssLimitMiB:0.0} MiB)", result.PeakRssMiB < RssLimitMiB ? "yes" : "**no**");
        }

        Row(text, "SQLite files (*.db + *.db-wal) before → after", $"{Kib(result.DataBytesBefore)} → {Kib(result.DataBytesAfter)}");
        Row(text, "SQLite growth per completed lesson", double.IsNaN(result.DataBytesPerLesson) ? "n/a" : $"{result.DataBytesPerLesson / 1024:0.0} KiB");
        Row(text, "files at the end", string.Join(", ", result.DataFilesAfter.Select(f => $"{f.Name} {Kib(f.Bytes)}")));
        if (result.SampleErrors.Count > 0)
        {
            Line(text);
            Line(text, "Errors (first distinct ones): " + string.Join("; ", result.SampleErrors.Select(e => $"`{e}`")));
        }

        return text.ToString();
    }

    private static void AddOverhead(StringBuilder text, IReadOnlyList<LessonTimeSplit> splits)
    {
        if (splits.Count == 0)
        {
            Row(text, "engine overhead per lesson", "n/a (no completed lesson with history)");
            return;
        }

        var overhead = Distribution.Of(splits.Select(s => s.Overhead));
        Row(text, $"run wall time (history ExecutionStarted → ExecutionCompleted), p50, sample of {splits.Count}", $"{Distribution.Of(splits.Select(s => s.RunWall)).P50:0.0} ms");
        Row(text, "  of which model calls (union of the lesson's calls at the fake) / research (ResearchSource ElapsedMs), p50", $"{Distribution.Of(splits.Select(s => s.Model)).P50:0.0} ms / {Distribution.Of(splits.Select(s => s.Research)).P50:0.0} ms");
        Row(text, "**engine overhead per lesson** (wall − model − research): mean / p50 / p99", $"{overhead.Mean:0.0} / {overhead.P50:0.0} / {overhead.P99:0.0} ms");
        var between = Distribution.Of(splits.Select(s => s.BetweenActivities));
        var inside = Distribution.Of(splits.Select(s => s.ActivitiesBusy - s.Model - s.Research));
        Row(text, "  overhead with no activity pending (episodes, journal commits, dispatch) / inside activities beyond model and research, mean", $"{between.Mean:0.0} ms / {inside.Mean:0.0} ms");
        var names = splits.SelectMany(s => s.Activities.Keys).Distinct(StringComparer.Ordinal);
        Row(text, "  activity scheduled → completed, p50 (ms)", string.Join(", ", names.Select(name =>
            $"{name} {Distribution.Of(splits.Where(s => s.Activities.ContainsKey(name)).Select(s => s.Activities[name])).P50:0.0}")));
    }

    private static string Title(LoadOptions options) => options.Mode == LoadMode.Fast
        ? $"Fast mode, {options.Clients} clients, {(options.Stream ? "SSE" : "polling")}"
        : $"In-flight mode, {options.Lessons} lessons, model {options.LatencyText} per call, {(options.Stream ? "SSE" : "polling")}";

    private static string Latency(Distribution d, bool withMax = false) =>
        d.Count == 0
            ? "n/a (none sent)"
            : $"{d.P50:0.00} / {d.P99:0.00}{(withMax ? string.Create(CultureInfo.InvariantCulture, $" / {d.Max:0.00}") : string.Empty)} ms (n = {d.Count})";

    private static string Seconds(Distribution d) =>
        d.Count == 0 ? "n/a" : $"{d.P50 / 1000:0.00} / {d.P99 / 1000:0.00} s";

    private static string Mib(double? value) => value is { } v && !double.IsNaN(v) ? $"{v:0.0} MiB" : "n/a";

    private static string Kib(long bytes) => $"{bytes / 1024.0:0} KiB";

    private static void Row(StringBuilder text, string figure, string value) => Line(text, $"| {figure} | {value} |");

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
