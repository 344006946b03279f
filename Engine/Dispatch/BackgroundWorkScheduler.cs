using System.Collections.Concurrent;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// Runs the engine's background work (episodes and activities, and the continuations of their awaits) on dedicated
/// threads that the operating system schedules after the threads serving requests whenever the CPU is short
/// (<see cref="ThreadPriorities.LowerCurrentThread"/>). A start, a status read or a raise-event then costs what it
/// costs on an idle host even while thousands of orchestrations are being worked through, and the backlog takes the
/// CPU that requests leave. When nothing else runs, the background threads get the whole machine, as before.
/// Starts, control operations and commits do not run here: the writer stays on the thread pool.
/// </summary>
internal sealed class BackgroundWorkScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new(new ConcurrentQueue<Task>());
    private readonly Thread[] _threads;
    private readonly int _niceness;

    public BackgroundWorkScheduler(int threadCount, int niceness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        _niceness = niceness;
        _threads = new Thread[threadCount];
        using var started = new CountdownEvent(threadCount);
        for (var i = 0; i < threadCount; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"Durable engine worker {i + 1}" };
            _threads[i].UnsafeStart(started);
        }

        started.Wait();
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>True when the OS accepted the lower priority for the worker threads (false where it is not supported).</summary>
    public bool IsPriorityLowered { get; private set; }

    /// <summary>Starts <paramref name="work"/> on a worker thread; its awaits continue there unless they opt out.</summary>
    public Task Run(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        _queue.Dispose();
    }

    protected override void QueueTask(Task task)
    {
        try
        {
            _queue.Add(task);
            return;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            // Shut down (adding completed, or the queue disposed): fall through.
        }

        // After shutdown a late continuation (an abandoned activity finishing) still has to run somewhere.
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Scheduler.TryExecuteTask(state.Task), (Scheduler: this, Task: task), preferLocal: false);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        IsWorkerThread() && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private bool IsWorkerThread() => Array.IndexOf(_threads, Thread.CurrentThread) >= 0;

    private void Work(object? started)
    {
        if (ThreadPriorities.LowerCurrentThread(_niceness))
        {
            IsPriorityLowered = true;
        }

        ((CountdownEvent)started!).Signal();

        try
        {
            foreach (var task in _queue.GetConsumingEnumerable())
            {
                TryExecuteTask(task);
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed while waiting: the process is shutting down.
        }
    }
}
