using DurableLessons.Engine.Storage;

namespace DurableLessons.Engine.Client;

/// <summary>
/// <see cref="IInstanceChangeFeed"/> over commit notifications: a waiter registers a signal for the instance, reads
/// the persisted version, and sleeps on the signal only if nothing newer is there; every commit that changes the
/// instance fires the signal. Registering before reading means no change can slip between the two.
/// </summary>
internal sealed class InstanceChangeFeed(EngineReader reader) : IInstanceChangeFeed, ICommitListener
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Signal> _signals = new(StringComparer.Ordinal);

    public async Task<long> WaitForChangeAsync(string instanceId, long afterVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        while (true)
        {
            var signal = Register(instanceId);
            try
            {
                var version = await reader.ReadVersionAsync(instanceId, cancellationToken);
                if (version > afterVersion)
                {
                    return version;
                }

                await signal.Changed.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Unregister(instanceId, signal);
            }
        }
    }

    public void OnCommitted(CommitEffects effects)
    {
        lock (_gate)
        {
            foreach (var instanceId in effects.ChangedInstances)
            {
                if (_signals.Remove(instanceId, out var signal))
                {
                    signal.Changed.TrySetResult();
                }
            }
        }
    }

    private Signal Register(string instanceId)
    {
        lock (_gate)
        {
            if (!_signals.TryGetValue(instanceId, out var signal))
            {
                signal = new Signal();
                _signals[instanceId] = signal;
            }

            signal.Waiters++;
            return signal;
        }
    }

    private void Unregister(string instanceId, Signal signal)
    {
        lock (_gate)
        {
            signal.Waiters--;
            if (signal.Waiters == 0 && _signals.TryGetValue(instanceId, out var current) && current == signal)
            {
                _signals.Remove(instanceId);
            }
        }
    }

    private sealed class Signal
    {
        public TaskCompletionSource Changed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Waiters { get; set; }
    }
}
