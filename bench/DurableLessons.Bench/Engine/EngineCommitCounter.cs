using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Bench.Engine;

/// <summary>
/// Counts the transactions the engine's journal writer commits, from the engine's own
/// <c>durable_engine.journal.transactions</c> counter (meter <c>DurableLessons.Engine</c>) of one host: other
/// hosts in the process have their own meter factory and are not counted.
/// </summary>
internal sealed class EngineCommitCounter : IDisposable
{
    private const string MeterName = "DurableLessons.Engine";
    private const string InstrumentName = "durable_engine.journal.transactions";

    private readonly MeterListener _listener = new();
    private long _commits;

    private EngineCommitCounter(IMeterFactory hostMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && ReferenceEquals(instrument.Meter.Scope, hostMeters) && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "outcome", Value: "committed" })
                {
                    Interlocked.Add(ref _commits, value);
                }
            }
        });
        _listener.Start();
    }

    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Listens to the started host's engine; null (with the reason) when the host has no meter factory.</summary>
    public static EngineCommitCounter? TryAttach(IServiceProvider services, out string? reason)
    {
        if (services.GetService<IMeterFactory>() is not { } meters)
        {
            reason = "the host registers no IMeterFactory, so the engine's counters cannot be observed";
            return null;
        }

        reason = null;
        return new EngineCommitCounter(meters);
    }

    public void Dispose() => _listener.Dispose();
}
