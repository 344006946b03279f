using System.Collections.Concurrent;
using System.Threading.Channels;
using DurableLessons.Engine.Diagnostics;
using DurableLessons.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// Dispatches the engine's work. At start it re-queues everything the database says is unfinished (instances with
/// messages, due and future timers, activity work items, including ones that were running when the process died).
/// Then at most <see cref="EngineOptions.MaxConcurrentOrchestrations"/> episodes and
/// <see cref="EngineOptions.MaxConcurrentActivities"/> activities run their code at once; a slot is freed as soon as
/// the code has run, so waiting for the (group) commit does not hold it. Stopping waits for running work until the
/// host's shutdown timeout, then abandons activities: their work items stay, so they run again on the next start.
/// </summary>
internal sealed class DurableEngineHostedService(
    EngineReader reader,
    JournalWriter writer,
    EngineWorkQueues queues,
    ForegroundRequests requests,
    EpisodeRunner episodes,
    ActivityRunner activities,
    IOptions<EngineOptions> options,
    TimeProvider time,
    EngineMetrics metrics,
    ILogger<DurableEngineHostedService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly SemaphoreSlim _episodeSlots = new(options.Value.MaxConcurrentOrchestrations);
    private readonly SemaphoreSlim _activitySlots = new(options.Value.MaxConcurrentActivities);
    private readonly BackgroundWorkScheduler _workers = new(options.Value.EffectiveWorkerThreads, options.Value.WorkerNiceness);
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly List<Task> _loops = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await writer.ReadyAsync(cancellationToken);
        var recovery = await reader.LoadRecoveryAsync(cancellationToken);
        foreach (var (instanceId, visibleAt) in recovery.Inboxes)
        {
            queues.Signal(instanceId, visibleAt);
        }

        foreach (var item in recovery.Activities)
        {
            queues.EnqueueActivity(item);
        }

        var stopping = _stopping.Token;
        _loops.Add(Task.Run(() => DispatchAsync(queues.ReadyInstances, _episodeSlots, RunEpisodeAsync, stopping), CancellationToken.None));
        _loops.Add(Task.Run(() => DispatchAsync(queues.Activities, _activitySlots, RunActivityAsync, stopping), CancellationToken.None));
        _loops.Add(Task.Run(() => RunTimersAsync(stopping), CancellationToken.None));
        logger.LogInformation(
            "Durable engine started: {InstanceCount} instance(s) and {ActivityCount} activity work item(s) to resume; {WorkerThreads} worker threads at nice {Niceness} ({PriorityState})",
            recovery.Inboxes.Count,
            recovery.Activities.Count,
            _workers.MaximumConcurrencyLevel,
            options.Value.WorkerNiceness,
            _workers.IsPriorityLowered ? "lowered" : "not lowered");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(cancellationToken);
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Shutdown timeout reached: abandoning running activities; they run again on the next start");
            await _abandon.CancelAsync();
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abandon.Dispose();
        _episodeSlots.Dispose();
        _activitySlots.Dispose();
        _workers.Dispose();
    }

    /// <summary>Takes work while a slot is free; each piece runs on its own and frees its slot itself.</summary>
    private async Task DispatchAsync<T>(ChannelReader<T> work, SemaphoreSlim slots, Func<T, Action, Task> run, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await slots.WaitAsync(stopping);
                T item;
                try
                {
                    item = await work.ReadAsync(stopping);
                }
                catch
                {
                    slots.Release();
                    throw;
                }

                await YieldToRequestsAsync();
                var released = 0;
                void Release()
                {
                    if (Interlocked.Exchange(ref released, 1) == 0)
                    {
                        slots.Release();
                    }
                }

                var task = RunTrackedAsync(() => run(item, Release), Release);
                _running.TryAdd(task, true);
                _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async ValueTask YieldToRequestsAsync()
    {
        var waited = await requests.WaitForQuietAsync(options.Value.YieldToRequests);
        if (waited > TimeSpan.Zero)
        {
            metrics.DispatchYielded(waited);
        }
    }

    private Task RunTrackedAsync(Func<Task> run, Action release) => _workers.Run(async () =>
    {
        try
        {
            await run();
        }
        finally
        {
            release();
        }
    });

    private async Task RunEpisodeAsync(string instanceId, Action executed)
    {
        queues.BeginEpisode(instanceId);
        try
        {
            await episodes.RunAsync(instanceId, executed, CancellationToken.None);
        }
#pragma warning disable CA1031 // A failed episode (storage error, engine bug) is retried; the engine keeps going.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Episode of {InstanceId} failed; retrying in {Delay}", instanceId, RetryDelay);
            queues.Signal(instanceId, time.GetUtcNow().UtcDateTime + RetryDelay);
        }
        finally
        {
            queues.EndEpisode(instanceId);
        }
    }

    private async Task RunActivityAsync(ActivityWorkItem item, Action executed)
    {
        if (!queues.BeginActivity(item.Id))
        {
            return;
        }

        var stored = true;
        try
        {
            await activities.RunAsync(item, executed, _abandon.Token);
        }
        catch (ObjectDisposedException) when (_abandon.IsCancellationRequested)
        {
            // Abandoned at shutdown and finished after the store closed: it runs again on the next start.
        }
#pragma warning disable CA1031 // Storing the result failed; the work item stays, so the activity runs again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Could not store the result of activity {Name} of {InstanceId}; running it again", item.Name, item.InstanceId);
            stored = false;
        }
        finally
        {
            queues.EndActivity(item.Id);
        }

        if (!stored && !_stopping.IsCancellationRequested)
        {
            await Task.Delay(RetryDelay, time, CancellationToken.None);
            queues.EnqueueActivity(item);
        }
    }

    private async Task RunTimersAsync(CancellationToken stopping)
    {
        try
        {
            await queues.RunTimersAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
