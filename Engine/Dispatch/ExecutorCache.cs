using DurableLessons.Engine.Runtime;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// Running orchestrations kept in memory between episodes (least recently used first out), so an episode applies
/// only its new messages instead of replaying the journal. An episode takes its executor out and puts it back after
/// its commit, so an executor is never shared; anything uncertain (a failed commit, a purge) just drops it, and the
/// next episode replays from the journal.
/// </summary>
internal sealed class ExecutorCache(IOptions<EngineOptions> options) : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<OrchestrationExecutor>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<OrchestrationExecutor> _recency = new();
    private readonly int _capacity = options.Value.MaxCachedOrchestrations;

    public OrchestrationExecutor? Take(string instanceId, string executionId)
    {
        OrchestrationExecutor? executor;
        lock (_gate)
        {
            if (!_entries.Remove(instanceId, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            executor = node.Value;
        }

        if (executor.Info.ExecutionId == executionId)
        {
            return executor;
        }

        executor.Dispose();
        return null;
    }

    public void Put(OrchestrationExecutor executor)
    {
        var evicted = new List<OrchestrationExecutor>();
        lock (_gate)
        {
            if (_entries.Remove(executor.Info.InstanceId, out var existing))
            {
                _recency.Remove(existing);
                evicted.Add(existing.Value);
            }

            if (_capacity > 0)
            {
                _entries[executor.Info.InstanceId] = _recency.AddFirst(executor);
            }
            else
            {
                evicted.Add(executor);
            }

            while (_recency.Count > _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Info.InstanceId);
                evicted.Add(oldest.Value);
            }
        }

        evicted.ForEach(e => e.Dispose());
    }

    public void Evict(string instanceId)
    {
        OrchestrationExecutor? executor = null;
        lock (_gate)
        {
            if (_entries.Remove(instanceId, out var node))
            {
                _recency.Remove(node);
                executor = node.Value;
            }
        }

        executor?.Dispose();
    }

    public void Dispose()
    {
        List<OrchestrationExecutor> all;
        lock (_gate)
        {
            all = [.. _recency];
            _recency.Clear();
            _entries.Clear();
        }

        all.ForEach(e => e.Dispose());
    }
}
