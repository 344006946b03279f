using DurableLessons.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// Dispatches the engine's work: at start it re-queues everything the database says is unfinished (instances with
/// messages, due and future timers, activity work items, including ones that were running when the process died),
/// then runs <see cref="EngineOptions.MaxConcurrentOrchestrations"/> episode workers,
/// <see cref="EngineOptions.MaxConcurrentActivities"/> activity workers and the timer loop.
/// Stopping waits for running work until the host's shutdown timeout, then abandons activities (their work items
/// stay, so they run again on the next start).
/// </summary>
internal sealed class DurableEngineHostedService(
    EngineReader reader,
    JournalWriter writer,
    EngineWorkQueues queues,
    EpisodeRunner episodes,
    ActivityRunner activities,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<DurableEngineHostedService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan EpisodeRetryDelay = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly List<Task> _workers = [];

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

        var settings = options.Value;
        for (var i = 0; i < settings.MaxConcurrentOrchestrations; i++)
        {
            _workers.Add(Task.Run(() => RunEpisodesAsync(_stopping.Token), CancellationToken.None));
        }

        for (var i = 0; i < settings.MaxConcurrentActivities; i++)
        {
            _workers.Add(Task.Run(() => RunActivitiesAsync(_stopping.Token), CancellationToken.None));
        }

        _workers.Add(Task.Run(() => RunTimersAsync(_stopping.Token), CancellationToken.None));
        logger.LogInformation(
            "Durable engine started: {InstanceCount} instance(s) and {ActivityCount} activit(ies) to resume",
            recovery.Inboxes.Count,
            recovery.Activities.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_workers).WaitAsync(cancellationToken);
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
    }

    private async Task RunEpisodesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var instanceId in queues.ReadyInstances.ReadAllAsync(stopping))
            {
                queues.BeginEpisode(instanceId);
                try
                {
                    await episodes.RunAsync(instanceId, CancellationToken.None);
                }
#pragma warning disable CA1031 // A failed episode (storage error, engine bug) is retried; the worker keeps going.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    logger.LogError(exception, "Episode of {InstanceId} failed; retrying in {Delay}", instanceId, EpisodeRetryDelay);
                    queues.Signal(instanceId, time.GetUtcNow().UtcDateTime + EpisodeRetryDelay);
                }
                finally
                {
                    queues.EndEpisode(instanceId);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RunActivitiesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var item in queues.Activities.ReadAllAsync(stopping))
            {
                if (!queues.BeginActivity(item.Id))
                {
                    continue;
                }

                var stored = true;
                try
                {
                    await activities.RunAsync(item, _abandon.Token);
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

                if (!stored)
                {
                    await Task.Delay(EpisodeRetryDelay, time, stopping);
                    queues.EnqueueActivity(item);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
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
