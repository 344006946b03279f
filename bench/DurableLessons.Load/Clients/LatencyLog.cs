using System.Collections.Concurrent;
using System.Diagnostics;

namespace DurableLessons.Load.Clients;

/// <summary>Latencies in milliseconds, recorded from many clients at once.</summary>
internal sealed class LatencyLog
{
    private readonly ConcurrentQueue<double> values = new();

    public int Count => values.Count;

    public void Add(long startTimestamp) => values.Enqueue(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public Analysis.Distribution Summarize() => Analysis.Distribution.Of(values);
}
