using System.Text;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Engine.Runtime;

/// <summary>
/// Runs one execution of an orchestrator against its journal. Journal rows are applied in order while
/// <see cref="IsReplaying"/> is true; new inbox messages are then applied as new rows. After each row the orchestrator's
/// queued continuations run to quiescence on <see cref="OrchestrationSynchronizationContext"/>.
/// <para>
/// Every durable call takes the next sequence number (task id). A call whose number is already in the journal must be
/// the same kind with the same name, and gets the recorded result instead of new work; a recorded call the code no
/// longer makes, or a different one, is a <see cref="NonDeterministicOrchestrationException"/>. In rewind mode
/// (<see cref="Replay"/> with <c>rewinding</c>) failures are removed first and recorded calls the code no longer
/// makes are dropped instead of failing the instance.
/// </para>
/// An executor may be kept between episodes (the cache); it is then exactly the state a replay would rebuild.
/// </summary>
internal sealed class OrchestrationExecutor : IDisposable
{
    private readonly ITaskOrchestrator _orchestrator;
    private readonly int _maxCustomStatusBytes;
    private readonly ILogger _logger;
    private readonly OrchestrationSynchronizationContext _scheduler = new();
    private readonly EngineOrchestrationContext _context;
    private readonly IDisposable? _owner;

    private readonly Dictionary<int, JournalRow> _recordedCalls = [];
    private readonly HashSet<int> _matchedCalls = [];
    private readonly HashSet<int> _orphanedTaskIds = [];
    private readonly List<long> _droppedPositions = [];
    private readonly Dictionary<int, OpenCall> _openCalls = [];
    private bool _reportedOpenCalls;
    private readonly Dictionary<string, LinkedList<EventWaiter>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<BufferedEvent> _bufferedEvents = new();
    private readonly List<CancellableWait> _cancellableWaits = [];
    private readonly List<JournalRow> _episodeRows = [];
    private readonly List<PendingCall> _episodeCalls = [];

    private long _nextPosition;
    private int _nextTaskId;
    private int _guidCounter;
    private DateTime _now;
    private bool _replaying;
    private bool _rewinding;
    private bool _started;
    private bool _suspended;
    private Task<object?>? _run;
    private Exception? _fatal;
    private (string? Output, bool Recursive)? _terminated;
    private ContinueAsNewCall? _continueAsNew;
    private bool _customStatusChanged;

    public OrchestrationExecutor(
        ExecutionInfo info,
        ITaskOrchestrator orchestrator,
        ILoggerFactory loggerFactory,
        int maxCustomStatusBytes,
        bool suspended,
        IDisposable? owner = null)
    {
        _owner = owner;
        Info = info;
        _orchestrator = orchestrator;
        _maxCustomStatusBytes = maxCustomStatusBytes;
        _logger = loggerFactory.CreateLogger<OrchestrationExecutor>();
        _context = new EngineOrchestrationContext(this, loggerFactory);
        _suspended = suspended;
    }

    public ExecutionInfo Info { get; }

    public bool IsReplaying => _replaying;

    public DateTime CurrentUtcDateTime => _now;

    public string? CustomStatus { get; private set; }

    /// <summary>True once the code finished, failed or the instance was terminated: the executor is not reused.</summary>
    public bool IsFinished => _fatal is not null || _terminated is not null || (_run is { IsCompleted: true } && !HasOpenCalls);

    /// <summary>
    /// Activities, sub-orchestrations or timers (not cancelled) the code started and has not seen end. As on the Durable
    /// Task Framework, code that returns or throws while any is open leaves the instance running until they all end.
    /// </summary>
    private bool HasOpenCalls => _openCalls.Values.Any(call => !call.IsDone);

    /// <summary>True when the journal ends with the execution having failed (rewind applies).</summary>
    public static bool EndsFailed(IReadOnlyList<JournalRow> journal) =>
        journal.Count > 0 &&
        journal[^1] is { EventType: JournalEventTypes.ExecutionCompleted } last &&
        last.Name == nameof(OrchestrationRuntimeStatus.Failed);

    /// <summary>Rebuilds the orchestrator's state from its journal (once, before any episode).</summary>
    public void Replay(IReadOnlyList<JournalRow> journal, bool rewinding)
    {
        using var driver = _scheduler.Drive();
        _rewinding = rewinding;
        var rows = new List<JournalRow>(journal.Count);
        foreach (var row in journal)
        {
            _nextPosition = Math.Max(_nextPosition, row.Position + 1);
            if (rewinding && row.EventType is JournalEventTypes.TaskFailed or JournalEventTypes.SubOrchestrationInstanceFailed or JournalEventTypes.ExecutionCompleted)
            {
                _droppedPositions.Add(row.Position);
                continue;
            }

            if (DurableCallKinds.FromJournalEventType(row.EventType) is not null && row.TaskId is { } taskId)
            {
                _recordedCalls[taskId] = row;
            }

            rows.Add(row);
        }

        _replaying = true;
        foreach (var row in rows)
        {
            if (_fatal is not null)
            {
                break;
            }

            ApplyRow(row);
        }

        _replaying = false;
    }

    /// <summary>Calls restored by a rewind: recorded, still waiting for a result, and whose work is gone.</summary>
    public IReadOnlyList<JournalRow> RecordedOpenCalls() =>
        _openCalls.Values
            .Where(call => !call.IsDone && _matchedCalls.Contains(call.TaskId) && _recordedCalls.ContainsKey(call.TaskId))
            .Select(call => _recordedCalls[call.TaskId])
            .ToList();

    public void BeginEpisode(DateTime now)
    {
        using var driver = _scheduler.Drive();
        _now = now > _now ? now : _now;
        Append(new JournalRow(0, JournalEventTypes.OrchestratorStarted, _now));
    }

    /// <summary>Applies one inbox message; false when it was stale or redundant and is discarded without a journal row.</summary>
    public bool Apply(InboxMessage message)
    {
        using var driver = _scheduler.Drive();
        if (_fatal is not null || _terminated is not null)
        {
            return false;
        }

        if (message.ExecutionId is not null && message.ExecutionId != Info.ExecutionId)
        {
            return false;
        }

        JournalRow? row = message.Kind switch
        {
            JournalEventTypes.ExecutionStarted => _started
                ? null
                : new JournalRow(0, message.Kind, _now, Name: Info.Name, Payload: Info.Input, Target: Info.Parent?.InstanceId),
            JournalEventTypes.TaskCompleted or JournalEventTypes.TaskFailed or
            JournalEventTypes.SubOrchestrationInstanceCompleted or JournalEventTypes.SubOrchestrationInstanceFailed or
            JournalEventTypes.TimerFired => CompletionRow(message),
            JournalEventTypes.EventRaised => new JournalRow(0, message.Kind, message.CreatedAt, Name: message.Name, Payload: message.Payload),
            JournalEventTypes.ExecutionSuspended or JournalEventTypes.ExecutionResumed or JournalEventTypes.ExecutionRewound =>
                new JournalRow(0, message.Kind, _now, Payload: message.Payload),
            JournalEventTypes.ExecutionTerminated => new JournalRow(0, message.Kind, _now, Payload: message.Payload),
            _ => null,
        };
        if (row is null)
        {
            return false;
        }

        row = Append(row);
        switch (message.Kind)
        {
            case JournalEventTypes.ExecutionSuspended:
                _suspended = true;
                break;
            case JournalEventTypes.ExecutionResumed:
                _suspended = false;
                break;
            case JournalEventTypes.ExecutionTerminated:
                _terminated = (message.Payload, (message.Flags & MessageFlags.Recursive) != 0);
                break;
            default:
                ApplyRow(row);
                break;
        }

        return true;
    }

    /// <summary>Ends the episode: the journal rows, new calls and resulting status to commit.</summary>
    public EpisodeOutcome EndEpisode()
    {
        using var driver = _scheduler.Drive();
        FailNonDurableAwaits();

        var calls = _episodeCalls.Select(call => Append(call.Row)).ToList();
        var status = OrchestrationRuntimeStatus.Running;
        string? output = null;
        TaskFailureDetails? failure = null;
        ContinueAsNewRequest? continueAsNew = null;

        if (_terminated is { } terminated)
        {
            status = OrchestrationRuntimeStatus.Terminated;
            output = terminated.Output;
        }
        else if (_fatal is not null)
        {
            status = OrchestrationRuntimeStatus.Failed;
            failure = FailureOf(_fatal);
        }
        else if (_run is { IsCompleted: true } && HasOpenCalls)
        {
            ReportEndingWithOpenCalls();
        }
        else if (_run is { IsCompleted: true } run)
        {
            if (!run.IsCompletedSuccessfully)
            {
                status = OrchestrationRuntimeStatus.Failed;
                failure = FailureOf(run.IsCanceled ? CancellationOf(run) : run.Exception!.InnerException ?? run.Exception);
            }
            else if (_continueAsNew is { } next)
            {
                status = RuntimeStatuses.ContinuedAsNew;
                continueAsNew = new ContinueAsNewRequest(next.Input, next.PreserveUnprocessedEvents ? [.. _bufferedEvents] : []);
            }
            else
            {
                try
                {
                    output = run.Result is null ? null : WorkflowJson.Serialize(run.Result);
                    status = OrchestrationRuntimeStatus.Completed;
                }
#pragma warning disable CA1031 // An output that cannot be serialized fails the orchestration instead of retrying forever.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    status = OrchestrationRuntimeStatus.Failed;
                    failure = FailureOf(exception);
                }
            }
        }
        else if (_suspended)
        {
            status = OrchestrationRuntimeStatus.Suspended;
        }
        else if (!_started)
        {
            status = OrchestrationRuntimeStatus.Pending;
        }

        if (status == OrchestrationRuntimeStatus.Failed)
        {
            output = WorkflowJson.Serialize($"Orchestrator function '{Info.Name}' failed: {failure!.ErrorMessage}");
            _logger.LogWarning(
                "Orchestration {InstanceId} ({Name}) failed: {ErrorType}: {ErrorMessage}",
                Info.InstanceId, Info.Name, failure.ErrorType, failure.ErrorMessage);
        }

        if (status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed)
        {
            Append(new JournalRow(
                0,
                JournalEventTypes.ExecutionCompleted,
                _now,
                Name: status.ToString(),
                Payload: output,
                Failure: failure is null ? null : WorkflowJson.Serialize(failure)));
        }

        var consumedOnlyTheEpisodeStart = _episodeRows.Count == 1 && calls.Count == 0;
        var rows = continueAsNew is not null
            ? [new JournalRow(0, JournalEventTypes.ContinueAsNew, _now, Payload: continueAsNew.Input)]
            : consumedOnlyTheEpisodeStart ? [] : _episodeRows.ToList();
        if (consumedOnlyTheEpisodeStart)
        {
            _nextPosition--;
        }

        var outcome = new EpisodeOutcome
        {
            Status = status,
            Output = output,
            Failure = failure,
            CustomStatus = CustomStatus,
            NewRows = rows,
            DroppedPositions = [.. _droppedPositions],
            NewCalls = calls,
            CallsToRestore = _rewinding ? RecordedOpenCalls() : [],
            OrphanedTaskIds = _rewinding ? [.. _orphanedTaskIds] : [],
            ContinueAsNew = continueAsNew,
            TerminateRecursively = _terminated?.Recursive ?? false,
            HasChanges = rows.Count > 0 || calls.Count > 0 || _droppedPositions.Count > 0 || _customStatusChanged ||
                status.IsTerminal() || status == RuntimeStatuses.ContinuedAsNew,
        };

        _episodeRows.Clear();
        _episodeCalls.Clear();
        _droppedPositions.Clear();
        // Replay bookkeeping: every recorded call was matched or dropped by now, and new calls have higher numbers.
        _recordedCalls.Clear();
        _matchedCalls.Clear();
        _orphanedTaskIds.Clear();
        _rewinding = false;
        _customStatusChanged = false;
        return outcome;
    }

    /// <summary>Releases the token callbacks of open waits and the DI scope the orchestrator was created from.</summary>
    public void Dispose()
    {
        foreach (var wait in _cancellableWaits)
        {
            wait.Registration.Dispose();
        }

        _owner?.Dispose();
    }

    /// <summary>
    /// Throws (and fails the orchestration) when orchestrator code calls its context from anywhere but the
    /// orchestration's scheduler, as Durable Functions does with <c>OrchestrationContext.IsOrchestratorThread</c>.
    /// </summary>
    internal void EnsureOrchestratorThread(string operation)
    {
        if (_scheduler.IsRunningOrchestratorCode)
        {
            return;
        }

        var violation = new InvalidOperationException(
            $"Orchestration '{Info.Name}' ({Info.InstanceId}) called {operation} outside its own thread: its code resumed after " +
            "awaiting something that is not durable (ConfigureAwait(false), Task.Run, Task.Delay, I/O or " +
            "CancellationTokenSource.CancelAsync). Orchestrator code may only await the tasks its context returns; on " +
            "Durable Functions this orchestration would never finish.");
        Fail(violation);
        throw violation;
    }

    // ---- Called by EngineOrchestrationContext, on the orchestration's scheduler. ----

    internal T? GetInput<T>() => Info.Input is null ? default : (T?)WorkflowJson.Deserialize(Info.Input, typeof(T));

    internal Task<T> CallActivity<T>(string name, string? input)
    {
        var taskId = NextCall(
            DurableCallKind.Activity,
            name,
            id => new JournalRow(0, JournalEventTypes.TaskScheduled, _now, id, name, input));
        return Open(new OpenCall<T>(DurableCallKind.Activity, name, taskId)).Task;
    }

    internal Task<T> CallSubOrchestrator<T>(string name, string instanceId, string? input)
    {
        var taskId = NextCall(
            DurableCallKind.SubOrchestration,
            name,
            id => new JournalRow(0, JournalEventTypes.SubOrchestrationInstanceCreated, _now, id, name, input, Target: instanceId));
        return Open(new OpenCall<T>(DurableCallKind.SubOrchestration, name, taskId)).Task;
    }

    internal Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var taskId = NextCall(
            DurableCallKind.Timer,
            null,
            id => new JournalRow(0, JournalEventTypes.TimerCreated, _now, id, FireAt: fireAt));
        var call = Open(new OpenCall<object?>(DurableCallKind.Timer, null, taskId) { CancellationToken = cancellationToken });
        WatchCancellation(call);
        return call.Task;
    }

    internal Task<T> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken)
    {
        NextCall(
            DurableCallKind.ExternalEventWait,
            name,
            id => new JournalRow(0, JournalEventTypes.EventWaitStarted, _now, id, name));
        var waiter = new EventWaiter<T>(name) { CancellationToken = cancellationToken };
        if (!_eventWaiters.TryGetValue(name, out var waiters))
        {
            waiters = new LinkedList<EventWaiter>();
            _eventWaiters[name] = waiters;
        }
        else if (waiters.First is { } newest && newest.Value.EventType != typeof(T))
        {
            throw new ArgumentException(
                $"Events with the same name must have the same type argument. Expected {newest.Value.EventType.FullName} but was requested {typeof(T).FullName}.");
        }

        if (TakeBufferedEvent(name) is { } buffered)
        {
            waiter.Deliver(buffered.Payload);
            return waiter.Task;
        }

        // The newest waiter gets the next event (LIFO), as in the Durable Task SDK: a loop that abandons a wait and
        // starts another is answered by the new one.
        waiters.AddFirst(waiter);
        WatchCancellation(waiter);
        return waiter.Task;
    }

    internal void SendEvent(string instanceId, string eventName, string? payload) =>
        NextCall(
            DurableCallKind.SendEvent,
            eventName,
            id => new JournalRow(0, JournalEventTypes.EventSent, _now, id, eventName, payload, Target: instanceId));

    internal void SetCustomStatus(string? json)
    {
        var size = json is null ? 0 : Encoding.UTF8.GetByteCount(json);
        if (size > _maxCustomStatusBytes)
        {
            Fail(new OrchestrationRuleViolationException(
                $"The custom status of orchestration '{Info.InstanceId}' is {size} bytes, more than the limit of " +
                $"{_maxCustomStatusBytes} bytes (Engine:MaxCustomStatusBytes)."));
            return;
        }

        if (!string.Equals(json, CustomStatus, StringComparison.Ordinal))
        {
            CustomStatus = json;
            _customStatusChanged = true;
        }
    }

    internal void ContinueAsNew(string? input, bool preserveUnprocessedEvents)
    {
        _nextTaskId++;
        _continueAsNew = new ContinueAsNewCall(input, preserveUnprocessedEvents);
    }

    internal Guid NewGuid() => DeterministicGuid.Create(Info.InstanceId, _now, _guidCounter++);

    // ---- Internals ----

    private JournalRow? CompletionRow(InboxMessage message)
    {
        if (message.TaskId is not { } taskId || !_openCalls.TryGetValue(taskId, out var call) || !Fits(call.Kind, message.Kind))
        {
            return null;
        }

        var timestamp = message.Kind == JournalEventTypes.TimerFired ? message.VisibleAt : message.CreatedAt;
        return new JournalRow(
            0,
            message.Kind,
            timestamp,
            taskId,
            call.Name,
            message.Payload,
            message.Failure,
            FireAt: message.Kind == JournalEventTypes.TimerFired ? message.VisibleAt : null);
    }

    private static bool Fits(DurableCallKind kind, string messageKind) => messageKind switch
    {
        JournalEventTypes.TaskCompleted or JournalEventTypes.TaskFailed => kind == DurableCallKind.Activity,
        JournalEventTypes.SubOrchestrationInstanceCompleted or JournalEventTypes.SubOrchestrationInstanceFailed => kind == DurableCallKind.SubOrchestration,
        JournalEventTypes.TimerFired => kind == DurableCallKind.Timer,
        _ => false,
    };

    private void ApplyRow(JournalRow row)
    {
        switch (row.EventType)
        {
            case JournalEventTypes.OrchestratorStarted:
                _now = row.Timestamp;
                return;
            case JournalEventTypes.ExecutionStarted:
                Start();
                break;
            case JournalEventTypes.TaskScheduled or JournalEventTypes.SubOrchestrationInstanceCreated or
                JournalEventTypes.TimerCreated or JournalEventTypes.EventSent or JournalEventTypes.EventWaitStarted:
                VerifyRecordedCall(row);
                return;
            case JournalEventTypes.TaskCompleted or JournalEventTypes.SubOrchestrationInstanceCompleted or JournalEventTypes.TimerFired:
                if (CallFor(row) is { } completed)
                {
                    // A result is delivered once; a cancelled timer's late firing is journaled and ignored.
                    _openCalls.Remove(completed.TaskId);
                    completed.Complete(row.Payload);
                }

                break;
            case JournalEventTypes.TaskFailed or JournalEventTypes.SubOrchestrationInstanceFailed:
                if (CallFor(row) is { } failed)
                {
                    _openCalls.Remove(failed.TaskId);
                    failed.Fail(ReadFailure(row.Failure));
                }

                break;
            case JournalEventTypes.EventRaised:
                DeliverEvent(row.Name ?? string.Empty, row.Payload);
                break;
            default:
                return;
        }

        RunContinuations();
    }

    private OpenCall? CallFor(JournalRow row)
    {
        if (row.TaskId is not { } taskId)
        {
            return null;
        }

        if (_orphanedTaskIds.Contains(taskId) && _replaying)
        {
            _droppedPositions.Add(row.Position);
            return null;
        }

        return _openCalls.GetValueOrDefault(taskId);
    }

    private void Start()
    {
        _started = true;
        object? input;
        try
        {
            input = Info.Input is null ? null : WorkflowJson.Deserialize(Info.Input, _orchestrator.InputType);
            if (input is null && _orchestrator.InputType.IsValueType)
            {
                input = Activator.CreateInstance(_orchestrator.InputType);
            }
        }
#pragma warning disable CA1031 // An input that does not fit the orchestrator fails the orchestration, as in Durable.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _run = Task.FromException<object?>(exception);
            return;
        }

        _scheduler.Post(
            _ =>
            {
                try
                {
                    _run = _orchestrator.RunAsync(_context, input);
                }
#pragma warning disable CA1031 // An orchestrator that throws before its first await fails like one that throws later.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    _run = Task.FromException<object?>(exception);
                }
            },
            null);
    }

    private int NextCall(DurableCallKind kind, string? name, Func<int, JournalRow> createRow)
    {
        var taskId = _nextTaskId++;
        if (_fatal is not null)
        {
            return taskId;
        }

        if (_recordedCalls.TryGetValue(taskId, out var recorded) && !_orphanedTaskIds.Contains(taskId))
        {
            var recordedKind = DurableCallKinds.FromJournalEventType(recorded.EventType)!.Value;
            if (recordedKind == kind &&
                string.Equals(DurableCallKinds.MatchName(recordedKind, recorded.Name), DurableCallKinds.MatchName(kind, name), StringComparison.OrdinalIgnoreCase))
            {
                _matchedCalls.Add(taskId);
                return taskId;
            }

            if (!_rewinding)
            {
                Fail(new NonDeterministicOrchestrationException(
                    $"Non-deterministic orchestration '{Info.Name}' ({Info.InstanceId}): the journal records call #{taskId} as " +
                    $"{DurableCallKinds.Describe(recordedKind, recorded.Name)}, but the orchestrator now makes " +
                    $"{DurableCallKinds.Describe(kind, name)} at that point. The orchestrator code changed while this instance " +
                    "was running, or it is not deterministic."));
                return taskId;
            }

            _orphanedTaskIds.Add(taskId);
        }

        _episodeCalls.Add(new PendingCall(createRow(taskId)));
        return taskId;
    }

    private void VerifyRecordedCall(JournalRow row)
    {
        var taskId = row.TaskId ?? -1;
        if (_matchedCalls.Contains(taskId) || !_replaying)
        {
            return;
        }

        if (_rewinding)
        {
            _orphanedTaskIds.Add(taskId);
            _droppedPositions.Add(row.Position);
            return;
        }

        var kind = DurableCallKinds.FromJournalEventType(row.EventType)!.Value;
        Fail(new NonDeterministicOrchestrationException(
            $"Non-deterministic orchestration '{Info.Name}' ({Info.InstanceId}): the journal records call #{taskId} as " +
            $"{DurableCallKinds.Describe(kind, row.Name)}, but the orchestrator no longer makes that call " +
            $"(it made {_nextTaskId} call(s) before waiting or finishing). The orchestrator code changed while this " +
            "instance was running, or it is not deterministic."));
    }

    private T Open<T>(T call)
        where T : OpenCall
    {
        _openCalls[call.TaskId] = call;
        return call;
    }

    private void DeliverEvent(string name, string? payload)
    {
        if (_eventWaiters.TryGetValue(name, out var waiters))
        {
            while (waiters.First is { } first)
            {
                waiters.RemoveFirst();
                if (!first.Value.IsDone)
                {
                    first.Value.Deliver(payload);
                    return;
                }
            }
        }

        _bufferedEvents.AddLast(new BufferedEvent(name, payload));
    }

    private BufferedEvent? TakeBufferedEvent(string name)
    {
        for (var node = _bufferedEvents.First; node is not null; node = node.Next)
        {
            if (string.Equals(node.Value.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                _bufferedEvents.Remove(node);
                return node.Value;
            }
        }

        return null;
    }

    /// <summary>Runs queued continuations until none is left, then checks that nothing left the orchestrator's thread.</summary>
    private void RunContinuations()
    {
        try
        {
            _scheduler.RunPending();
        }
#pragma warning disable CA1031 // Orchestrator code that throws outside its task (async void) fails the orchestration.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Fail(exception);
        }

        FailAsyncCancellations();
    }

    /// <summary>Ends a wait when its token is cancelled: at once on the orchestrator's thread, as a rule violation elsewhere.</summary>
    private void WatchCancellation(CancellableWait wait)
    {
        if (!wait.CancellationToken.CanBeCanceled)
        {
            return;
        }

        _cancellableWaits.Add(wait);
        wait.Registration = wait.CancellationToken.Register(() =>
        {
            if (_scheduler.IsRunningOrchestratorCode)
            {
                CancelWait(wait);
            }
            else
            {
                Fail(AsyncCancellation());
            }
        });
    }

    private void CancelWait(CancellableWait wait)
    {
        _cancellableWaits.Remove(wait);
        if (wait is EventWaiter waiter && _eventWaiters.TryGetValue(waiter.Name, out var waiters))
        {
            waiters.Remove(waiter);
        }

        wait.Cancel();
    }

    /// <summary>
    /// A wait whose token is cancelled but which is still open was cancelled without its callback running on this
    /// thread: <c>CancelAsync</c> marks the token at once and runs callbacks on the thread pool.
    /// </summary>
    private void FailAsyncCancellations()
    {
        _cancellableWaits.RemoveAll(wait => wait.IsDone);
        if (_cancellableWaits.Any(wait => wait.CancellationToken.IsCancellationRequested))
        {
            Fail(AsyncCancellation());
        }
    }

    private OrchestrationRuleViolationException AsyncCancellation() => new(
        $"Orchestration '{Info.Name}' ({Info.InstanceId}) cancelled a durable timer or event wait off its own thread " +
        "(CancellationTokenSource.CancelAsync or CancelAfter): the cancellation callback runs on the thread pool, where the " +
        "orchestrator resumes after its episode has ended, and on Durable Functions the run never finishes. Use Cancel().");

    /// <summary>
    /// Orchestrator code that awaits something that is not durable (Task.Delay, I/O, CancelAsync) resumes on another
    /// thread: on the Durable Task Framework after its episode has ended, so the run hangs for ever. Such a
    /// continuation is never run here; the orchestration fails with the reason instead.
    /// </summary>
    private void FailNonDurableAwaits()
    {
        if (_scheduler.ForeignPost)
        {
            Fail(new OrchestrationRuleViolationException(
                $"Orchestration '{Info.Name}' ({Info.InstanceId}) resumed on another thread after awaiting a task that is not durable " +
                "(for example Task.Delay, Task.Run, I/O, ConfigureAwait(false) or CancellationTokenSource.CancelAsync). Orchestrator " +
                "code may only await the tasks its context returns; on Durable Functions this orchestration would never finish."));
        }
        else if (_run is { IsCompleted: false } && _fatal is null && _terminated is null && !WaitsForDurableWork())
        {
            Fail(new OrchestrationRuleViolationException(
                $"Orchestration '{Info.Name}' ({Info.InstanceId}) awaits a task that is not durable or continues off its own thread " +
                "(for example Task.Delay, Task.Run, I/O, ConfigureAwait(false) or CancellationTokenSource.CancelAsync). Orchestrator " +
                "code may only await the tasks its context returns; on Durable Functions this orchestration would never finish."));
        }
    }

    private void ReportEndingWithOpenCalls()
    {
        if (!_reportedOpenCalls)
        {
            _reportedOpenCalls = true;
            var open = _openCalls.Values.Where(call => !call.IsDone).Select(call => DurableCallKinds.Describe(call.Kind, call.Name));
            _logger.LogInformation(
                "Orchestration {InstanceId} ({Name}) has returned but ends only when its open calls end: {OpenCalls}",
                Info.InstanceId, Info.Name, string.Join(", ", open));
        }
    }

    private bool WaitsForDurableWork() =>
        _openCalls.Values.Any(call => !call.IsDone) ||
        _eventWaiters.Values.Any(waiters => waiters.Any(waiter => !waiter.IsDone)) ||
        !_started;

    private JournalRow Append(JournalRow row)
    {
        var positioned = row with { Position = _nextPosition++ };
        _episodeRows.Add(positioned);
        return positioned;
    }

    private void Fail(Exception exception) => Interlocked.CompareExchange(ref _fatal, exception, null);

    private static TaskFailureDetails ReadFailure(string? json) =>
        (json is null ? null : (TaskFailureDetails?)WorkflowJson.Deserialize(json, typeof(TaskFailureDetails)))
        ?? new TaskFailureDetails(typeof(Exception).FullName!, "The task failed.", null, null, null);

    private static TaskFailureDetails FailureOf(Exception exception) => exception is TaskFailedException taskFailed
        ? new TaskFailureDetails(
            exception.GetType().FullName!,
            exception.Message,
            exception.StackTrace,
            taskFailed.FailureDetails,
            null)
        : TaskFailureDetails.FromException(exception);

    private static Exception CancellationOf(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Recovering the exception a cancelled task carries.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception;
        }

        return new TaskCanceledException();
    }

    private sealed record PendingCall(JournalRow Row);

    private sealed record ContinueAsNewCall(string? Input, bool PreserveUnprocessedEvents);
}
