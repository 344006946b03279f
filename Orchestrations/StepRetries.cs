using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Workflow;

namespace DurableLessons.Orchestrations;

/// <summary>
/// The retry rules every orchestration uses. Storage faults (the store is down) are ridden out for about two minutes
/// by default (<c>Lessons:StorageRetryAttempts</c>); a step's own failures (a model that keeps answering nonsense, a
/// source that keeps failing) get a few attempts only.
/// </summary>
internal static class StepRetries
{
    private const double StorageBackoff = 2;
    private static readonly TimeSpan StorageFirstDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StorageMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Saves and clean-ups: 2 s doubling to at most 30 s between attempts.</summary>
    public static TaskOptions Storage(int attempts = LessonOptions.DefaultStorageRetryAttempts) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(attempts, StorageFirstDelay, StorageBackoff, StorageMaxDelay));

    /// <summary>
    /// Calls an activity whose own work may fail <paramref name="attempts"/> times in all, waiting
    /// <paramref name="firstDelay"/> (doubling) between tries, while storage faults of its artifacts
    /// (<see cref="ArtifactStorageException"/>) are retried separately with the storage policy. A storage fault that
    /// outlasts that policy fails the call.
    /// </summary>
    public static async Task<T> CallWithRetriesAsync<T>(
        this OrchestrationContext context,
        string activity,
        object input,
        int attempts,
        TimeSpan firstDelay,
        int storageAttempts = LessonOptions.DefaultStorageRetryAttempts)
    {
        var storageFaultsOnly = TaskOptions.FromRetryPolicy(
            new RetryPolicy(storageAttempts, StorageFirstDelay, StorageBackoff, StorageMaxDelay) { HandleFailure = failure => failure.IsCausedBy<ArtifactStorageException>() });
        var delay = firstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await context.CallActivityAsync<T>(activity, input, storageFaultsOnly);
            }
            catch (TaskFailedException failure) when (attempt < attempts && !IsStorageFault(failure))
            {
                await context.CreateTimer(context.CurrentUtcDateTime + delay, CancellationToken.None);
                delay *= 2;
            }
        }
    }

    public static bool IsStorageFault(TaskFailedException failure) => failure.FailureDetails.IsCausedBy<ArtifactStorageException>();
}
