using System.Globalization;

namespace DurableLessons.Load.EmbeddedHost;

/// <summary>
/// One reading of /proc/{pid}/status: memory in MiB, and the thread count (thread-pool growth shows there).
/// VmRSS = RssAnon + RssFile + RssShmem; the shared part is the runtime's W^X double mapping of JIT-compiled code.
/// </summary>
internal readonly record struct MemoryReading(double ElapsedSeconds, double Rss, double PeakRss, double RssAnon, double RssFile, double RssShmem, double Threads)
{
    public static MemoryReading? Read(int processId, double elapsedSeconds)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{processId}/status");
        }
        catch (IOException)
        {
            return null;
        }

        double Field(string name)
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
            var kilobytes = line?.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
            return double.TryParse(kilobytes, NumberStyles.Float, CultureInfo.InvariantCulture, out var kb) ? kb : double.NaN;
        }

        return new MemoryReading(elapsedSeconds, Field("VmRSS") / 1024, Field("VmHWM") / 1024, Field("RssAnon") / 1024, Field("RssFile") / 1024, Field("RssShmem") / 1024, Field("Threads"));
    }
}

/// <summary>Samples the host's resident memory every <c>interval</c> until disposed.</summary>
internal sealed class ProcessMemorySampler : IAsyncDisposable
{
    private readonly int processId;
    private readonly List<MemoryReading> readings = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    public ProcessMemorySampler(int processId, TimeSpan interval)
    {
        this.processId = processId;
        loop = SampleAsync(interval);
    }

    public IReadOnlyList<MemoryReading> Readings
    {
        get
        {
            lock (readings)
            {
                return [.. readings];
            }
        }
    }

    /// <summary>Takes one reading now (also recorded in <see cref="Readings"/>).</summary>
    public MemoryReading? ReadNow()
    {
        var reading = MemoryReading.Read(processId, clock.Elapsed.TotalSeconds);
        if (reading is { } value)
        {
            lock (readings)
            {
                readings.Add(value);
            }
        }

        return reading;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            ReadNow();
        }
    }
}
