using System.Collections.Concurrent;

namespace DurableLessons.Engine.Tests.Infrastructure;

/// <summary>
/// What test tasks report back (injected as a singleton): how often each activity ran, how many ran at once, and
/// free-form notes from orchestrator code.
/// </summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, int> _executions = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private int _inFlight;
    private int _maxInFlight;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>While true, <c>Fragile</c> activities fail.</summary>
    public bool Broken { get; set; }

    public IReadOnlyList<string> Notes => [.. _notes];

    /// <summary>Released by tests to let blocked activities continue.</summary>
    public SemaphoreSlim Gate { get; } = new(0);

    /// <summary>Completed when an activity that waits for the gate has started.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Executions(string key) => _executions.GetValueOrDefault(key);

    public int CountExecution(string key) => _executions.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Note(string note) => _notes.Enqueue(note);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        return new Exit(this);
    }

    private sealed class Exit(Probe probe) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref probe._inFlight);
    }
}
