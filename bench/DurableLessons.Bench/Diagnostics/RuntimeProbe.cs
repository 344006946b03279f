using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DurableLessons.Bench.Diagnostics;

/// <summary>
/// Where the time of one measured window went, from the runtime's and the servers' own instruments: GC pauses (the
/// runtime's GC events), thread-pool queueing (a probe work item queued every 10 ms and the runtime's
/// starvation injections), the server's own request time (ASP.NET Core's <c>http.server.request.duration</c>) and,
/// on the embedded host, how long writes waited for the journal writer (the engine's
/// <c>durable_engine.journal.queue.duration</c>, by lane) and how long its transactions took.
/// </summary>
internal sealed class RuntimeProbe : IDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(10);

    private readonly GcPauseListener _gc = new();
    private readonly MeterListener _meters = new();
    private readonly DurationSamples _serverRequests = new();
    private readonly DurationSamples _clientWriteWaits = new();
    private readonly DurationSamples _engineWriteWaits = new();
    private readonly DurationSamples _transactions = new();
    private readonly DurationSamples _dispatchDelays = new();
    private readonly Thread _prober;
    private readonly int[] _collectionsAtStart;
    private readonly TimeSpan _pauseAtStart = GC.GetTotalPauseDuration();
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private volatile bool _stopped;

    private RuntimeProbe()
    {
        _collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "http.server.request.duration" or "durable_engine.journal.queue.duration" or "durable_engine.journal.transaction.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>(OnMeasurement);
        _meters.Start();
        _prober = new Thread(Probe) { IsBackground = true, Name = "Bench runtime probe" };
        _prober.Start();
    }

    public static RuntimeProbe Start() => new();

    public WindowDiagnostics Stop()
    {
        _stopped = true;
        _prober.Join();
        _meters.Dispose();
        var elapsed = Stopwatch.GetElapsedTime(_startedAt);
        var pauses = _gc.Stop();
        return new WindowDiagnostics(
            Gen0Collections: GC.CollectionCount(0) - _collectionsAtStart[0],
            Gen1Collections: GC.CollectionCount(1) - _collectionsAtStart[1],
            Gen2Collections: GC.CollectionCount(2) - _collectionsAtStart[2],
            GcPauseShare: (GC.GetTotalPauseDuration() - _pauseAtStart) / elapsed,
            GcPause: pauses.Summarize(),
            ThreadPoolDispatch: _dispatchDelays.Summarize(),
            ThreadPoolStarvationInjections: _gc.StarvationInjections,
            ServerRequest: _serverRequests.Summarize(),
            ClientWriteQueue: _clientWriteWaits.Summarize(),
            EngineWriteQueue: _engineWriteWaits.Summarize(),
            WriterTransaction: _transactions.Summarize());
    }

    public void Dispose()
    {
        if (!_stopped)
        {
            Stop();
        }

        _gc.Dispose();
    }

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case "http.server.request.duration":
                _serverRequests.Add(seconds);
                break;
            case "durable_engine.journal.transaction.duration":
                _transactions.Add(seconds);
                break;
            default:
                var client = false;
                foreach (var tag in tags)
                {
                    client |= tag is { Key: "lane", Value: "client" };
                }

                (client ? _clientWriteWaits : _engineWriteWaits).Add(seconds);
                break;
        }
    }

    /// <summary>Queues a work item every <see cref="ProbeInterval"/> and records how long the pool took to run it.</summary>
    private void Probe()
    {
        using var ran = new ManualResetEventSlim();
        while (!_stopped)
        {
            ran.Reset();
            var queued = Stopwatch.GetTimestamp();
            ThreadPool.UnsafeQueueUserWorkItem(
                state =>
                {
                    _dispatchDelays.Add(Stopwatch.GetElapsedTime(queued).TotalSeconds);
                    state.Set();
                },
                ran,
                preferLocal: false);
            ran.Wait();
            Thread.Sleep(ProbeInterval);
        }
    }
}
