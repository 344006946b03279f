using System.Diagnostics.Metrics;
using DurableLessons.Engine.Storage;

namespace DurableLessons.Engine.Diagnostics;

/// <summary>
/// The engine's instruments on the meter <see cref="MeterName"/> (created through the host's <see cref="IMeterFactory"/>,
/// so OpenTelemetry or a <see cref="MeterListener"/> can observe them per host).
/// </summary>
internal sealed class EngineMetrics
{
    public const string MeterName = "DurableLessons.Engine";

    private readonly Counter<long> _transactions;
    private readonly Counter<long> _operations;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<double> _queueDuration;
    private readonly Counter<long> _executionsEnded;
    private readonly Histogram<double> _dispatchYield;

    public EngineMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _transactions = meter.CreateCounter<long>(
            "durable_engine.journal.transactions", "{transaction}", "Transactions the journal writer committed (or rolled back).");
        _operations = meter.CreateCounter<long>(
            "durable_engine.journal.operations", "{operation}", "Write operations (starts, episode commits, activity results, control messages) applied by the journal writer.");
        _commitDuration = meter.CreateHistogram<double>(
            "durable_engine.journal.transaction.duration", "s", "Time from BEGIN to COMMIT of one journal transaction.");
        _queueDuration = meter.CreateHistogram<double>(
            "durable_engine.journal.queue.duration", "s", "Time a write operation waited in the journal writer's queue before its transaction began, by lane (client or engine).");
        _executionsEnded = meter.CreateCounter<long>(
            "durable_engine.orchestrations.ended", "{execution}", "Orchestration executions that ended, by orchestration and status (ContinuedAsNew included).");
        _dispatchYield = meter.CreateHistogram<double>(
            "durable_engine.dispatch.yield.duration", "s", "Time the dispatcher held an episode or activity back because the host was serving requests.");
    }

    public void TransactionCommitted(int operations, TimeSpan duration, bool succeeded)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", succeeded ? "committed" : "rolled_back");
        _transactions.Add(1, outcome);
        _operations.Add(operations, outcome);
        _commitDuration.Record(duration.TotalSeconds, outcome);
    }

    public void OperationDequeued(WriteLane lane, TimeSpan waited) =>
        _queueDuration.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("lane", lane == WriteLane.Client ? "client" : "engine"));

    public void DispatchYielded(TimeSpan waited) => _dispatchYield.Record(waited.TotalSeconds);

    public void ExecutionEnded(string orchestration, string status) =>
        _executionsEnded.Add(1, new KeyValuePair<string, object?>("orchestration", orchestration), new KeyValuePair<string, object?>("status", status));
}
