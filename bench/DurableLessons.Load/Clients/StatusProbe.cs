using System.Collections.Concurrent;
using System.Diagnostics;

namespace DurableLessons.Load.Clients;

/// <summary>
/// Measures how responsive the host stays: every <c>interval</c> one status GET of a run that is still in flight,
/// whatever the clients themselves do (stream clients send no status GETs of their own).
/// </summary>
internal sealed class StatusProbe(HttpClient http, TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, Uri> inFlight = new(StringComparer.Ordinal);
    private int count;
    private int peak;

    public LatencyLog Latencies { get; } = new();

    /// <summary>The most runs that were started and not yet seen terminal by their client at one time.</summary>
    public int PeakInFlight => Volatile.Read(ref peak);

    public void Started(string instanceId, Uri statusUri)
    {
        inFlight[instanceId] = statusUri;
        var now = Interlocked.Increment(ref count);
        int seen;
        while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }
    }

    public void Finished(string instanceId)
    {
        if (inFlight.TryRemove(instanceId, out _))
        {
            Interlocked.Decrement(ref count);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var target = inFlight.Values.FirstOrDefault();
                if (target is null)
                {
                    continue;
                }

                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(target, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    Latencies.Add(sent);
                }
                catch (HttpRequestException)
                {
                    // The clients report a host that stopped answering; the probe only measures answers.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
