using DurableLessons.Engine.Diagnostics;
using DurableLessons.Engine.Runtime;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// Runs one episode of an instance: reads its instance row and visible inbox messages, gets its executor (cached,
/// or rebuilt by replaying the journal), applies the messages and commits the outcome in one transaction.
/// The caller guarantees that no two episodes of the same instance run at once.
/// </summary>
internal sealed class EpisodeRunner(
    EngineReader reader,
    JournalWriter writer,
    ExecutorCache cache,
    EpisodeCommit commit,
    TaskCatalog tasks,
    IServiceScopeFactory scopes,
    ILoggerFactory loggerFactory,
    IOptions<EngineOptions> options,
    EngineTracing tracing,
    EngineMetrics metrics,
    TimeProvider time)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<EpisodeRunner>();

    /// <param name="instanceId">The instance to process.</param>
    /// <param name="executed">Called once the orchestrator code has run, when only the commit remains (or when nothing is to run).</param>
    /// <param name="cancellationToken">Stops reading; a commit already queued still happens.</param>
    public async Task RunAsync(string instanceId, Action executed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var snapshot = await reader.LoadEpisodeAsync(instanceId, now, cancellationToken);
        if (snapshot is null)
        {
            cache.Evict(instanceId);
            return;
        }

        var instance = snapshot.Instance;
        if (snapshot.Messages.Count == 0)
        {
            return;
        }

        if (instance.Status.IsTerminal())
        {
            cache.Evict(instanceId);
            var discarded = snapshot.Messages.Select(m => m.Id).ToList();
            await writer.ExecuteAsync(session => EpisodeCommit.Discard(session, discarded), cancellationToken);
            return;
        }

        var batch = SelectBatch(instance.Status, snapshot.Messages);
        if (batch.Count == 0)
        {
            return;
        }

        var processed = batch.Select(m => m.Id).ToList();
        var executor = cache.Take(instanceId, instance.ExecutionId);
        var rewinding = false;
        if (executor is null)
        {
            var journal = await reader.LoadJournalAsync(instanceId, cancellationToken);
            rewinding = batch.Any(m => m.Kind == JournalEventTypes.ExecutionRewound) && OrchestrationExecutor.EndsFailed(journal);
            executor = CreateExecutor(instance, out var failure);
            if (executor is null)
            {
                await writer.ExecuteAsync(session => EpisodeCommit.FailUnrunnable(session, instance, processed, failure!), cancellationToken);
                return;
            }

            executor.Replay(journal, rewinding);
        }

        EpisodeOutcome outcome;
        try
        {
            executor.BeginEpisode(now);
            foreach (var message in batch)
            {
                if (message.Kind != JournalEventTypes.ExecutionRewound || rewinding)
                {
                    executor.Apply(message);
                }
            }

            outcome = executor.EndEpisode();
        }
        catch
        {
            executor.Dispose();
            throw;
        }

        executed();
        // Read before the commit, which restarts the trace's clock for a ContinueAsNew.
        var endsExecution = outcome.ContinueAsNew is not null || outcome.Status.IsTerminal();
        var trace = endsExecution ? await reader.GetTraceAsync(instanceId, CancellationToken.None) : null;
        var keep = false;
        try
        {
            var committed = await writer.ExecuteAsync(session => commit.Apply(session, instance, processed, outcome), CancellationToken.None);
            if (committed && endsExecution)
            {
                metrics.ExecutionEnded(instance.Name, outcome.ContinueAsNew is null ? outcome.Status.ToString() : "ContinuedAsNew");
                tracing.ExecutionEnded(
                    instance.Name,
                    instanceId,
                    instance.ExecutionId,
                    trace,
                    outcome.ContinueAsNew is null ? outcome.Status : OrchestrationRuntimeStatus.Completed,
                    outcome.Failure?.ErrorMessage);
            }

            keep = committed && !executor.IsFinished && outcome.Status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.Pending;
        }
        finally
        {
            if (keep)
            {
                cache.Put(executor);
            }
            else
            {
                executor.Dispose();
            }
        }
    }

    /// <summary>
    /// Messages to process now, in arrival order. While suspended only Suspend, Resume and Terminate are processed;
    /// other messages wait (in the inbox, or until a Resume later in the same batch). Nothing after a Terminate matters.
    /// </summary>
    private static List<InboxMessage> SelectBatch(OrchestrationRuntimeStatus status, IReadOnlyList<InboxMessage> messages)
    {
        var suspended = status == OrchestrationRuntimeStatus.Suspended;
        var batch = new List<InboxMessage>(messages.Count);
        var deferred = new List<InboxMessage>();
        foreach (var message in messages)
        {
            switch (message.Kind)
            {
                case JournalEventTypes.ExecutionTerminated:
                    batch.Add(message);
                    return batch;
                case JournalEventTypes.ExecutionSuspended:
                    suspended = true;
                    batch.Add(message);
                    break;
                case JournalEventTypes.ExecutionResumed:
                    suspended = false;
                    batch.Add(message);
                    batch.AddRange(deferred);
                    deferred.Clear();
                    break;
                default:
                    (suspended ? deferred : batch).Add(message);
                    break;
            }
        }

        return batch;
    }

    private OrchestrationExecutor? CreateExecutor(InstanceRecord instance, out TaskFailureDetails? failure)
    {
        failure = null;
        var scope = scopes.CreateScope();
        try
        {
            var orchestrator = tasks.CreateOrchestrator(instance.Name, scope.ServiceProvider);
            if (orchestrator is null)
            {
                scope.Dispose();
                failure = TaskNotFound.Orchestrator(instance.Name);
                return null;
            }

            var parent = instance.Parent is { } link ? new ParentOrchestrationInstance(new TaskName(link.Name), link.InstanceId) : null;
            return new OrchestrationExecutor(
                new ExecutionInfo(instance.InstanceId, instance.Name, instance.ExecutionId, instance.Input, parent),
                orchestrator,
                loggerFactory,
                options.Value.MaxCustomStatusBytes,
                instance.Status == OrchestrationRuntimeStatus.Suspended,
                scope);
        }
#pragma warning disable CA1031 // An orchestrator that cannot be constructed fails its instance instead of retrying forever.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            scope.Dispose();
            _logger.LogError(exception, "Could not create orchestrator {Name} for {InstanceId}", instance.Name, instance.InstanceId);
            failure = TaskFailureDetails.FromException(exception);
            return null;
        }
    }
}
