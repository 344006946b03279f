namespace DurableLessons.Engine.Storage;

/// <summary>
/// What a committed transaction changed that in-memory parts of the engine must hear about: instances with new
/// messages, activities to run or to forget, instances whose visible state changed or that were removed.
/// Collected by <see cref="WriterSession"/> while an operation writes, published only after COMMIT.
/// </summary>
internal sealed class CommitEffects
{
    public List<(string InstanceId, DateTime VisibleAt)> Messages { get; } = [];

    public List<ActivityWorkItem> Activities { get; } = [];

    public List<long> CancelledActivities { get; } = [];

    public HashSet<string> ChangedInstances { get; } = new(StringComparer.Ordinal);

    public HashSet<string> RemovedInstances { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Messages.Count == 0 && Activities.Count == 0 && CancelledActivities.Count == 0 &&
        ChangedInstances.Count == 0 && RemovedInstances.Count == 0;

    public void Clear()
    {
        Messages.Clear();
        Activities.Clear();
        CancelledActivities.Clear();
        ChangedInstances.Clear();
        RemovedInstances.Clear();
    }

    public void AddFrom(CommitEffects other)
    {
        Messages.AddRange(other.Messages);
        Activities.AddRange(other.Activities);
        CancelledActivities.AddRange(other.CancelledActivities);
        ChangedInstances.UnionWith(other.ChangedInstances);
        RemovedInstances.UnionWith(other.RemovedInstances);
    }
}

/// <summary>Receives the effects of every commit (on the writer's thread: must be quick and must not throw).</summary>
internal interface ICommitListener
{
    void OnCommitted(CommitEffects effects);
}
