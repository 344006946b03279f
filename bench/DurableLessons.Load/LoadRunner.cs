using System.Collections.Concurrent;
using System.Diagnostics;
using DurableLessons.Load.Analysis;
using DurableLessons.Load.Clients;
using DurableLessons.Load.EmbeddedHost;
using DurableLessons.Load.Report;
using DurableLessons.Testing.Hosts;
using DurableLessons.Testing.Models;

namespace DurableLessons.Load;

/// <summary>
/// One load run: the fake model in this process, the embedded host as a child process, the clients of the chosen
/// mode, then the figures (memory and data files are read before the host is stopped).
/// </summary>
internal static class LoadRunner
{
    private const int WarmUpLessons = 8;
    private const int HostOutputLinesShown = 40;
    private const int ModelLatencySeed = 6;
    private const int WarmUpNumbers = 1_000_000;
    private static readonly TimeSpan MemoryInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<LoadResult> RunAsync(LoadOptions options, string command, TextWriter progress, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineFacts.LoadAverage();
        var machine = MachineFacts.Read(HostProcess.HostDirectory(), options.HostEnvironment);

        await using var model = await FakeLessonModel.StartAsync(ModelLatencySeed, options.StepLatencyMin, options.StepLatencyMax);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromMinutes(10),
        };
        var settings = new HostSettings(model.Endpoint, options.MaxConcurrentOrchestrations, options.MaxConcurrentActivities, options.HostEnvironment);
        await using var host = await HostProcess.StartAsync(
            new HostProcessOptions
            {
                Settings = settings.ConfigurationKeys().ToDictionary(StringComparer.Ordinal),
                Environment = settings.Environment.ToDictionary(StringComparer.Ordinal),
                OutputLinesKept = HostOutputLinesShown,
            },
            cancellationToken);
        await using var memory = new ProcessMemorySampler(host.ProcessId, MemoryInterval);
        progress.WriteLine($"Host pid {host.ProcessId} on {host.BaseAddress}, data in {host.DataDirectory}; fake model on {model.Endpoint}");

        if (options.Mode == LoadMode.Fast)
        {
            await WarmUpAsync(http, host.BaseAddress, cancellationToken);
        }

        var baseline = memory.ReadNow();
        var dataBefore = DataFiles.TotalBytes(host.DataDirectory);
        var cpuBefore = ProcessCpu.Seconds(host.ProcessId);
        var starts = new LatencyLog();
        var polls = new LatencyLog();
        var client = new LessonClient(http, host.BaseAddress, options.Stream, starts, polls);
        var probe = new StatusProbe(http, ProbeInterval);
        using var stopProbe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probing = probe.RunAsync(stopProbe.Token);

        progress.WriteLine($"Running: {options.Describe()}");
        var clock = Stopwatch.StartNew();
        var (outcomes, ramp) = options.Mode == LoadMode.Fast
            ? (await RunFastAsync(options, client, probe, clock, cancellationToken), TimeSpan.Zero)
            : await RunInFlightAsync(options, client, probe, clock, progress, cancellationToken);
        var measured = clock.Elapsed;
        await stopProbe.CancelAsync();
        await probing;

        var atEnd = memory.ReadNow();
        var peakRss = atEnd?.PeakRss ?? double.NaN;
        var largest = memory.Readings.Where(r => !double.IsNaN(r.Rss)).MaxBy(r => r.Rss);
        var dataAfter = DataFiles.TotalBytes(host.DataDirectory);
        var dataFiles = DataFiles.Sizes(host.DataDirectory);
        var cpu = ProcessCpu.Seconds(host.ProcessId) - cpuBefore;
        progress.WriteLine($"Done in {measured.TotalSeconds:0.0} s; reading the history of up to {options.HistorySample} completed lessons");
        var served = model.Served;
        var splits = await EngineOverhead.MeasureAsync(http, host.BaseAddress, outcomes, served, options.HistorySample, cancellationToken);

        var notCompleted = outcomes.Where(o => !o.IsCompleted)
            .GroupBy(o => o.Status, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var errors = outcomes.Where(o => !o.IsCompleted)
            .Select(o => $"{o.Status}: {o.Error ?? o.InstanceId}")
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToList();
        if (notCompleted.Count > 0)
        {
            progress.WriteLine("Host output (last lines):" + Environment.NewLine + string.Join(Environment.NewLine, host.OutputLines));
        }

        return new LoadResult(
            options,
            command,
            startedAt,
            machine,
            loadAtStart,
            MachineFacts.LoadAverage(),
            settings.Describe(),
            outcomes.Count(o => o.InstanceId is not null),
            outcomes.Count(o => o.IsCompleted),
            notCompleted,
            errors,
            measured.TotalSeconds,
            probe.PeakInFlight,
            ramp.TotalSeconds,
            starts.Summarize(),
            polls.Summarize(),
            probe.Latencies.Summarize(),
            Distribution.Of(outcomes.Where(o => o.IsCompleted).Select(o => o.EndToEndMilliseconds)),
            served.Count,
            Distribution.Of(served.Select(c => c.Milliseconds)),
            splits,
            baseline,
            atEnd,
            peakRss,
            largest,
            dataBefore,
            dataAfter,
            dataFiles,
            cpu,
            memory.Readings.Select(r => r.Threads).DefaultIfEmpty(double.NaN).Max());
    }

    /// <summary>A few lessons first, so JIT and first-use costs stay out of the figures (fast mode only).</summary>
    private static async Task WarmUpAsync(HttpClient http, Uri host, CancellationToken cancellationToken)
    {
        var client = new LessonClient(http, host, stream: true, new LatencyLog(), new LatencyLog());
        var warmUps = await Task.WhenAll(Enumerable.Range(WarmUpNumbers, WarmUpLessons).Select(n =>
        {
            var (subject, topic) = LessonTopics.For(n);
            return client.RunAsync(subject, topic, cancellationToken);
        }));
        if (warmUps.FirstOrDefault(o => !o.IsCompleted) is { } failed)
        {
            throw new InvalidOperationException($"A warm-up lesson did not complete: {failed.Status} {failed.Error}");
        }
    }

    /// <summary>Each client starts a lesson, follows it to the end, and starts the next until the duration is up.</summary>
    private static async Task<IReadOnlyList<LessonOutcome>> RunFastAsync(
        LoadOptions options, LessonClient client, StatusProbe probe, Stopwatch clock, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentQueue<LessonOutcome>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            while (clock.Elapsed < options.Duration && !cancellationToken.IsCancellationRequested)
            {
                var outcome = await PlayOneAsync(client, probe, Interlocked.Increment(ref next), cancellationToken);
                outcomes.Enqueue(outcome);
                if (outcome.InstanceId is null)
                {
                    // The host refused or is gone: do not spin.
                    await Task.Delay(100, cancellationToken);
                }
            }
        }));
        return [.. outcomes];
    }

    /// <summary>Starts every lesson as fast as the starters can, then waits for all of them.</summary>
    private static async Task<(IReadOnlyList<LessonOutcome>, TimeSpan Ramp)> RunInFlightAsync(
        LoadOptions options, LessonClient client, StatusProbe probe, Stopwatch clock, TextWriter progress, CancellationToken cancellationToken)
    {
        var following = new ConcurrentQueue<Task<LessonOutcome>>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) < options.Lessons && !cancellationToken.IsCancellationRequested)
            {
                // The starter waits for the 202; following the run is left to its own task.
                var started = await StartOneAsync(client, probe, number, cancellationToken);
                following.Enqueue(started.Failure is { } failure
                    ? Task.FromResult(failure)
                    : FollowOneAsync(client, probe, started, cancellationToken));
            }
        }));
        var ramp = clock.Elapsed;
        progress.WriteLine($"All {options.Lessons} lessons requested after {ramp.TotalSeconds:0.0} s; waiting for them to finish");
        return (await Task.WhenAll(following), ramp);
    }

    private static async Task<LessonOutcome> PlayOneAsync(LessonClient client, StatusProbe probe, int number, CancellationToken cancellationToken)
    {
        var started = await StartOneAsync(client, probe, number, cancellationToken);
        return started.Failure ?? await FollowOneAsync(client, probe, started, cancellationToken);
    }

    private static async Task<StartedLesson> StartOneAsync(LessonClient client, StatusProbe probe, int number, CancellationToken cancellationToken)
    {
        var (subject, topic) = LessonTopics.For(number);
        var timestamp = Stopwatch.GetTimestamp();
        var (instanceId, statusUri, failure) = await client.StartAsync(subject, topic, cancellationToken);
        if (failure is null)
        {
            probe.Started(instanceId!, statusUri!);
        }

        return new StartedLesson(topic, instanceId, statusUri, timestamp, failure);
    }

    private static async Task<LessonOutcome> FollowOneAsync(LessonClient client, StatusProbe probe, StartedLesson lesson, CancellationToken cancellationToken)
    {
        try
        {
            return await client.FollowAsync(lesson.Topic, lesson.InstanceId!, lesson.StatusUri!, lesson.Timestamp, cancellationToken);
        }
        finally
        {
            probe.Finished(lesson.InstanceId!);
        }
    }

    private sealed record StartedLesson(string Topic, string? InstanceId, Uri? StatusUri, long Timestamp, LessonOutcome? Failure);
}
