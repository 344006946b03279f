using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DurableLessons.Engine.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Engine.Storage;

/// <summary>
/// The single writer: every state change of the engine is a <see cref="WriteOperation"/> queued here and applied on
/// one connection with prepared statements. Operations that queue up while a transaction commits are applied
/// together in the next one (group commit), each under its own savepoint so a failing operation rolls back alone;
/// the clients' operations are taken before the engine's (<see cref="WriteLane"/>).
/// <para>
/// Who commits: a client operation queued on a thread-pool thread (a request) while no transaction is in progress is
/// committed by that thread at once, with the other client operations queued by then (leader commit): the request
/// goes on without waiting for the writer loop to wake and without another hop back to the thread pool. Everything
/// else (the engine's operations, and client operations that arrive while a transaction is in progress) is committed by
/// the writer loop. One transaction at a time either way (<see cref="_committing"/>). Callers learn the outcome once
/// the transaction has ended: the writer loop completes its operations on the thread pool; a leading request completes
/// the others of its batch itself, after releasing the connection, so their requests go on on its thread.
/// </para>
/// <para>
/// Commits per orchestration, counted without grouping (grouping only lowers them when instances run concurrently):
/// one orchestration that calls N activities needs 1 (start) + 1 (first step, which journals the calls and
/// inserts their work items) + N (one per activity result, which deletes the work item and stores the result
/// together) + E steps, where E is between 1 and N: results that arrive while a step runs are journaled by one step,
/// so a fan-out of N usually needs far fewer than N steps and a chain of N needs exactly N. A chain of N activities:
/// 2N + 2 commits; a fan-out of N: N + 2 + E. Timers, events and sub-orchestration results cost one step each.
/// With grouping, 3000 concurrent chains of 3 activities (24,000 operations) were written in about 100 commits.
/// </para>
/// </summary>
internal sealed class JournalWriter : IAsyncDisposable, IDisposable
{
    private const int MaxOperationsPerTransaction = 256;


    private readonly EngineDatabase _database;
    private readonly IEnumerable<ICommitListener> _listeners;
    private readonly TimeProvider _time;
    private readonly ILogger<JournalWriter> _logger;
    private readonly EngineMetrics _metrics;
    // Not single-reader: the writer loop and leading requests take from them (one at a time), and a thread leaving
    // the commit counts what is left while another may already be taking.
    private readonly Channel<WriteOperation> _clientQueue = Channel.CreateUnbounded<WriteOperation>();
    private readonly Channel<WriteOperation> _engineQueue = Channel.CreateUnbounded<WriteOperation>();

    /// <summary>
    /// Rung after every enqueue, in either lane; the loop waits on this one channel only (waiting on both queues
    /// would leave a waiter registered on the idle one every time the writer went idle).
    /// </summary>
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly List<WriteOperation> _batch = new(MaxOperationsPerTransaction);
    private readonly CommitEffects _effects = new();

    /// <summary>1 while a thread (the writer loop or a leading request) owns the connection and commits.</summary>
    private int _committing;
    private Task? _loop;
    private SqliteConnection? _connection;
    private WalCheckpointer? _checkpointer;
    private WriterSession? _session;
    private Statement? _begin;
    private Statement? _commit;
    private Statement? _rollback;
    private Statement? _savepoint;
    private Statement? _release;
    private Statement? _rollbackToSavepoint;
    private Statement? _saveSequence;
    private bool _disposed;

    public JournalWriter(
        EngineDatabase database, IEnumerable<ICommitListener> listeners, TimeProvider time, EngineMetrics metrics, ILogger<JournalWriter> logger)
    {
        _metrics = metrics;
        _database = database;
        _listeners = listeners;
        _time = time;
        _logger = logger;
    }

    /// <summary>Opens the writer connection on first use and starts the writer loop.</summary>
    public async Task ReadyAsync(CancellationToken cancellationToken)
    {
        if (_loop is not null)
        {
            return;
        }

        var metadata = await _database.InitializeAsync(cancellationToken);
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_loop is null)
            {
                Open(metadata);
                _loop = Task.Run(RunAsync, CancellationToken.None);
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async Task<T> ExecuteAsync<T>(Func<WriterSession, T> apply, CancellationToken cancellationToken, WriteLane lane = WriteLane.Engine)
    {
        await ReadyAsync(cancellationToken);
        var operation = new WriteOperation<T>(apply, lane);
        var queue = lane == WriteLane.Client ? _clientQueue : _engineQueue;
        if (!queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(JournalWriter), "The durable engine's store is shut down.");
        }

        // Engine workers (own threads, lowered priority) never lead: a start must not wait on a descheduled worker.
        if (lane != WriteLane.Client || !Thread.CurrentThread.IsThreadPoolThread || !TryCommitClientOperations())
        {
            _doorbell.Writer.TryWrite(true);
        }

        // Once queued the operation runs even if the caller stops waiting: callers that need to know re-read state.
        return await operation.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _clientQueue.Writer.TryComplete();
            _engineQueue.Writer.TryComplete();
            _doorbell.Writer.TryComplete();
        }
        finally
        {
            _startLock.Release();
        }

        if (_loop is not null)
        {
            await _loop;
        }

        _checkpointer?.Dispose();
        _session?.Dispose();
        foreach (var statement in new[] { _begin, _commit, _rollback, _savepoint, _release, _rollbackToSavepoint, _saveSequence })
        {
            statement?.Dispose();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _startLock.Dispose();
    }

    private void Open(EngineMetadata metadata)
    {
        var connection = _database.OpenJournalWriter();
        _connection = connection;
        _checkpointer = new WalCheckpointer(_database.OpenCheckpointer(), _logger, RunBetweenCommits);
        _session = new WriterSession(connection, metadata);
        _begin = new Statement(connection, "BEGIN IMMEDIATE");
        _commit = new Statement(connection, "COMMIT");
        _rollback = new Statement(connection, "ROLLBACK");
        _savepoint = new Statement(connection, "SAVEPOINT operation");
        _release = new Statement(connection, "RELEASE operation");
        _rollbackToSavepoint = new Statement(connection, "ROLLBACK TO operation");
        _saveSequence = new Statement(connection, "UPDATE meta SET value = $value WHERE key = 'change_sequence'", "$value");
    }

    private async Task RunAsync()
    {
        var open = true;
        while (true)
        {
            if (TryEnterCommit())
            {
                bool committed;
                try
                {
                    committed = CommitNextBatch(clientOnly: false, leader: null);
                }
                finally
                {
                    ExitCommit();
                }

                if (committed)
                {
                    continue;
                }
            }
            else if (!open)
            {
                // Shut down while a request commits: wait for it, then take what is left.
                await Task.Delay(1);
                continue;
            }

            if (!open)
            {
                return;
            }

            // A failed TryEnterCommit needs no retry here: the committing thread rings the doorbell when it leaves
            // work behind. Once the doorbell is closed (shut down), one more pass takes what was queued before.
            open = await _doorbell.Reader.WaitToReadAsync();
            _doorbell.Reader.TryRead(out _);
        }
    }

    /// <summary>The leader commit of a request: the client operations queued so far, if no transaction is in progress.</summary>
    /// <returns>False when another thread was committing (the caller then rings the doorbell).</returns>
    private bool TryCommitClientOperations()
    {
        if (!TryEnterCommit())
        {
            return false;
        }

        // The batch holds other callers' operations: nothing it starts (timers, wake-ups) may capture this request's
        // execution context (its trace, its logging scope).
        var flow = ExecutionContext.IsFlowSuppressed() ? default(AsyncFlowControl?) : ExecutionContext.SuppressFlow();
        var committed = new List<WriteOperation>();
        try
        {
            CommitNextBatch(clientOnly: true, committed);
        }
        finally
        {
            flow?.Undo();
            ExitCommit();
        }

        // The other requests of the batch go on here, after the connection is released, one after the other: queued
        // to the thread pool, each would wake a worker (a futex and an inter-processor interrupt on this VM) to do the
        // same work. Near the end of the stack (requests pipelined on one connection, each leading the next
        // commit from inside the previous one's completion) they go to the thread pool after all.
        foreach (var operation in committed)
        {
            if (RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                operation.Complete();
            }
            else
            {
                operation.CompleteLater();
            }
        }

        return true;
    }

    /// <summary>Runs <paramref name="action"/> while no transaction is in progress and none can begin.</summary>
    private void RunBetweenCommits(Action action)
    {
        var spin = new SpinWait();
        while (!TryEnterCommit())
        {
            spin.SpinOnce();
        }

        try
        {
            action();
        }
        finally
        {
            ExitCommit();
        }
    }

    private bool TryEnterCommit() => Interlocked.CompareExchange(ref _committing, 1, 0) == 0;

    /// <summary>Leaves the connection; hands what is still queued to the writer loop.</summary>
    private void ExitCommit()
    {
        Volatile.Write(ref _committing, 0);
        if (_clientQueue.Reader.Count > 0 || _engineQueue.Reader.Count > 0)
        {
            _doorbell.Writer.TryWrite(true);
        }
    }

    /// <param name="clientOnly">Take client operations only (a leading request's commit).</param>
    /// <param name="leader">
    /// Where a leading request collects the committed operations, to complete them itself once it has left the
    /// commit; null for the writer loop, which hands them to the thread pool.
    /// </param>
    /// <returns>True when there was something to commit.</returns>
    private bool CommitNextBatch(bool clientOnly, List<WriteOperation>? leader)
    {
        TakeBatch(_batch, clientOnly);
        if (_batch.Count == 0)
        {
            return false;
        }

        try
        {
            Commit(_batch, _effects);
            if (leader is null)
            {
                foreach (var operation in _batch)
                {
                    operation.CompleteLater();
                }
            }
            else
            {
                leader.AddRange(_batch);
            }
        }
        finally
        {
            _batch.Clear();
            _effects.Clear();
        }

        return true;
    }

    /// <summary>
    /// Client operations (starts, events, control messages) first, then the engine's own: a start waits for the
    /// transaction in progress, not behind the episode commits and activity results queued before it.
    /// </summary>
    private void TakeBatch(List<WriteOperation> batch, bool clientOnly)
    {
        while (batch.Count < MaxOperationsPerTransaction && _clientQueue.Reader.TryRead(out var operation))
        {
            batch.Add(operation);
        }

        while (!clientOnly && batch.Count < MaxOperationsPerTransaction && _engineQueue.Reader.TryRead(out var operation))
        {
            batch.Add(operation);
        }
    }

    private void Commit(List<WriteOperation> batch, CommitEffects effects)
    {
        var session = _session!;
        var sequenceBefore = session.Sequence;
        var started = Stopwatch.GetTimestamp();
        try
        {
            session.BeginTransaction(_time.GetUtcNow().UtcDateTime);
            _begin!.Execute();
            foreach (var operation in batch)
            {
                _metrics.OperationDequeued(operation.Lane, Stopwatch.GetElapsedTime(operation.QueuedAt, started));
                session.Effects.Clear();
                _savepoint!.Execute();
                try
                {
                    operation.Apply(session);
                    effects.AddFrom(session.Effects);
                }
#pragma warning disable CA1031 // Any failure of one operation is its caller's to see; the others still commit.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    _rollbackToSavepoint!.Execute();
                    operation.Reject(exception);
                }

                _release!.Execute();
            }

            if (session.DeletedInstances)
            {
                _saveSequence!.Execute(session.Sequence.ToString(CultureInfo.InvariantCulture));
            }

            _commit!.Execute();
        }
#pragma warning disable CA1031 // A failed transaction fails its operations; the loop keeps serving the next ones.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogError(exception, "A write transaction of {OperationCount} operations failed and was rolled back", batch.Count);
            TryRollback();
            _metrics.TransactionCommitted(batch.Count, Stopwatch.GetElapsedTime(started), succeeded: false);
            session.ResetSequence(sequenceBefore);
            foreach (var operation in batch)
            {
                operation.Fail(exception);
            }

            return;
        }

        _metrics.TransactionCommitted(batch.Count, Stopwatch.GetElapsedTime(started), succeeded: true);
        _checkpointer!.Committed();
        Publish(effects);
    }

    private void Publish(CommitEffects effects)
    {
        if (effects.IsEmpty)
        {
            return;
        }

        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnCommitted(effects);
            }
#pragma warning disable CA1031 // A listener bug must not stop the writer; the data is committed either way.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _logger.LogError(exception, "Commit listener {Listener} failed", listener.GetType().Name);
            }
        }
    }

    private void TryRollback()
    {
        try
        {
            if (_connection is { Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
            {
                _rollback!.Execute();
            }
        }
#pragma warning disable CA1031 // Nothing more can be done; the next BEGIN reports a broken connection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogError(exception, "Rollback failed");
        }
    }
}
