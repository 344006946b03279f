using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Storage;
using Microsoft.DurableTask;

namespace DurableLessons.Orchestrations;

/// <summary>
/// The retry rules every orchestration uses. Storage faults (the store is down) are ridden out for about two minutes
/// by default (<c>Lessons:StorageRetryAttempts</c>); a step's own failures (a model that keeps answering nonsense, a
/// source that keeps failing) get a few attempts only: 3 for a writing or merge step, 2 for a research source; a step
/// whose prompt every model provider's content filter refused is not asked again.
/// </summary>
internal static class StepRetries
{
    private const int StepAttempts = 3;
    private const int SourceAttempts = 2;
    private const double StorageBackoff = 2;
    private static readonly TimeSpan StepFirstDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SourceFirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StorageFirstDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StorageMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Saves and clean-ups: 2 s doubling to at most 30 s between attempts; a store that refuses our credentials fails at once.</summary>
    public static TaskOptions Storage(int attempts = LessonOptions.DefaultStorageRetryAttempts) =>
        TaskOptions.FromRetryPolicy(StoragePolicy(attempts));

    /// <summary>
    /// Like <see cref="Storage"/>, except for a refusal (<see cref="InvalidOperationException"/>: no such lesson, no such
    /// task), which no retry can mend and which fails the call at once.
    /// </summary>
    public static TaskOptions StorageUnlessRefused(int attempts = LessonOptions.DefaultStorageRetryAttempts) =>
        TaskOptions.FromRetryPolicy(
            new RetryPolicy(attempts, StorageFirstDelay, StorageBackoff, StorageMaxDelay) { HandleFailure = failure => !failure.IsCausedBy<InvalidOperationException>() });

    /// <summary>A writing or merge step: 3 attempts of its own work (2 s, then 4 s apart), storage faults apart.</summary>
    public static Task<T> CallStepAsync<T>(
        this TaskOrchestrationContext context, RunDeadline deadline, string activity, object input, int storageAttempts = LessonOptions.DefaultStorageRetryAttempts) =>
        context.CallWithRetriesAsync<T>(deadline, activity, input, StepAttempts, StepFirstDelay, storageAttempts);

    /// <summary>
    /// Asks one research source (2 attempts, 1 s apart). A source that keeps failing is reported and skipped; a store
    /// that stays down fails the call instead, since skipping would silently leave that source's notes out.
    /// </summary>
    public static async Task<ResearchSourceReport> ResearchSourceAsync(
        this TaskOrchestrationContext context, RunDeadline deadline, ResearchSourceInput input, int storageAttempts = LessonOptions.DefaultStorageRetryAttempts)
    {
        try
        {
            return await context.CallWithRetriesAsync<ResearchSourceReport>(
                deadline,
                LessonActivityNames.ResearchSource, input, SourceAttempts, SourceFirstDelay, storageAttempts);
        }
        catch (TaskFailedException failure) when (!IsStorageFault(failure.FailureDetails) && !failure.FailureDetails.IsCausedBy<StorageRefusedException>())
        {
            return new ResearchSourceReport(input.Source, 0, failure.FailureDetails.ErrorMessage, 0, null);
        }
    }

    /// <summary>
    /// Calls an activity whose own work may fail <paramref name="attempts"/> times in all, waiting
    /// <paramref name="firstDelay"/> (doubling) between tries, while storage faults of its artifacts
    /// (<see cref="ArtifactStorageException"/>) are retried separately with the storage policy. A storage fault that
    /// outlasts that policy fails the call. No new attempt starts once the run's <paramref name="deadline"/> has passed.
    /// </summary>
    private static async Task<T> CallWithRetriesAsync<T>(
        this TaskOrchestrationContext context, RunDeadline deadline, string activity, object input, int attempts, TimeSpan firstDelay, int storageAttempts)
    {
        var storageFaultsOnly = TaskOptions.FromRetryPolicy(StorageFaultsOnlyPolicy(storageAttempts));
        var delay = firstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await context.CallActivityAsync<T>(activity, input, storageFaultsOnly);
            }
            catch (TaskFailedException failure) when (attempt < attempts && !IsStorageFault(failure.FailureDetails) && !IsRefusal(failure.FailureDetails))
            {
                await context.CreateTimer(context.CurrentUtcDateTime + delay, CancellationToken.None);
                deadline.ThrowIfPassed();
                delay *= 2;
            }
        }
    }

    private static bool IsStorageFault(TaskFailureDetails failure) => failure.IsCausedBy<ArtifactStorageException>();

    // Asking again cannot help: the providers refused the prompt itself, or the author has no notes to write from.
    private static bool IsRefusal(TaskFailureDetails failure) =>
        failure.IsCausedBy<ContentFilteredException>() || failure.IsCausedBy<NoNotesToWriteFromException>() || failure.IsCausedBy<StorageRefusedException>();

    private static RetryPolicy StoragePolicy(int attempts) =>
        new(attempts, StorageFirstDelay, StorageBackoff, StorageMaxDelay) { HandleFailure = failure => !failure.IsCausedBy<StorageRefusedException>() };

    private static RetryPolicy StorageFaultsOnlyPolicy(int attempts) =>
        new(attempts, StorageFirstDelay, StorageBackoff, StorageMaxDelay) { HandleFailure = IsStorageFault };
}
