using System.Diagnostics;
using DurableLessons.Engine.Storage;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Engine.Diagnostics;

/// <summary>
/// The spans the Durable Task SDK's worker emits (source <see cref="SourceName"/>, names <c>create_orchestration:X</c>,
/// <c>orchestration:X</c>, <c>activity:X</c>, tags <c>durabletask.*</c>), so one telemetry setup reads both engines.
/// The creating span's context is kept with the instance (<see cref="WriterSession.SetTraceParent"/>): an activity run
/// after a restart, or in another process, joins the same trace, and nothing replays spans, because only work that
/// really runs (an activity execution, an execution's end) emits one. Unlike the SDK, which patches a private field
/// of <see cref="Activity"/> to give the orchestration span a span id fixed in advance, activities here are children
/// of the creating span, siblings of the orchestration span.
/// </summary>
internal sealed class EngineTracing : IDisposable
{
    public const string SourceName = "Microsoft.DurableTask";

    private const string TypeTag = "durabletask.type";
    private const string NameTag = "durabletask.task.name";
    private const string InstanceIdTag = "durabletask.task.instance_id";
    private const string ExecutionIdTag = "durabletask.task.execution_id";
    private const string TaskIdTag = "durabletask.task.task_id";
    private const string StatusTag = "durabletask.task.status";

    private readonly ActivitySource _source = new(SourceName);

    public bool IsListening => _source.HasListeners();

    /// <summary>
    /// Emits the <c>create_orchestration</c> span under <paramref name="parent"/> (the caller's current span when
    /// null) and returns its context to keep with the instance; null when nobody listens.
    /// </summary>
    public TraceParent? OrchestrationCreated(string name, string instanceId, TraceParent? parent = null)
    {
        if (!_source.HasListeners())
        {
            return null;
        }

        using var span = parent is not null && ActivityContext.TryParse(parent.Value, parent.State, out var context)
            ? _source.StartActivity($"create_orchestration:{name}", ActivityKind.Producer, context)
            : _source.StartActivity($"create_orchestration:{name}", ActivityKind.Producer);
        if (span is null)
        {
            return null;
        }

        span.SetTag(TypeTag, "orchestration");
        span.SetTag(NameTag, name);
        span.SetTag(InstanceIdTag, instanceId);
        return new TraceParent(span.Id!, span.TraceStateString);
    }

    /// <summary>Starts the span of one activity execution; the activity's own spans (model calls, stores) nest in it.</summary>
    public Activity? ActivityStarted(string name, string instanceId, int taskId, InstanceTrace? trace)
    {
        if (trace is null || !ActivityContext.TryParse(trace.Parent.Value, trace.Parent.State, out var parent))
        {
            return null;
        }

        var span = _source.StartActivity($"activity:{name}", ActivityKind.Server, parent);
        span?.SetTag(TypeTag, "activity");
        span?.SetTag(NameTag, name);
        span?.SetTag(InstanceIdTag, instanceId);
        span?.SetTag(TaskIdTag, taskId);
        return span;
    }

    /// <summary>Emits the span of an execution that ended (or continued as new), from its start to now.</summary>
    public void ExecutionEnded(
        string name, string instanceId, string executionId, InstanceTrace? trace, OrchestrationRuntimeStatus status, string? failure)
    {
        if (trace is null || !ActivityContext.TryParse(trace.Parent.Value, trace.Parent.State, out var parent))
        {
            return;
        }

        using var span = _source.StartActivity(
            $"orchestration:{name}", ActivityKind.Server, parent, startTime: new DateTimeOffset(trace.ExecutionStartedAt, TimeSpan.Zero));
        if (span is null)
        {
            return;
        }

        span.SetTag(TypeTag, "orchestration");
        span.SetTag(NameTag, name);
        span.SetTag(InstanceIdTag, instanceId);
        span.SetTag(ExecutionIdTag, executionId);
        span.SetTag(StatusTag, status.ToString());
        if (status is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            span.SetStatus(ActivityStatusCode.Error, failure ?? status.ToString());
        }
    }

    public void Dispose() => _source.Dispose();
}
