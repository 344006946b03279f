using System.Collections.Concurrent;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.StorageOutage.Tests.Infrastructure;

/// <summary>
/// Lets a test stop storage at the exact moment saves are about to be written: the first save of each run waits at the
/// gate until the test opens it; then every save goes to the real store unchanged. Counts the saves the real store failed.
/// The gate starts open; <see cref="Close"/> arms it for the next batch of runs.
/// </summary>
public sealed class SaveGate
{
    private readonly Lock sync = new();
    private readonly HashSet<string> arrivedRuns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failedSavesByRun = new(StringComparer.Ordinal);
    private TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource opened = Completed();
    private int runsToHold;

    /// <summary>Completes when the runs the gate was closed for are all waiting at it.</summary>
    public Task AllArrived
    {
        get
        {
            lock (sync)
            {
                return allArrived.Task;
            }
        }
    }

    /// <summary>How many runs had at least one save call that the real store answered with an exception.</summary>
    public int RunsWithFailedSaves => failedSavesByRun.Count;

    /// <summary>Waits until <paramref name="runs"/> runs have each seen a save fail; fails the test if that does not happen.</summary>
    public async Task WaitForFailedSavesAsync(int runs, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (RunsWithFailedSaves < runs && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(RunsWithFailedSaves >= runs, $"Only {RunsWithFailedSaves} of {runs} runs saw a save fail: the outage did not hit every save.");
    }

    /// <summary>Holds the first save of each of the next <paramref name="runs"/> runs until <see cref="Open"/>.</summary>
    public void Close(int runs)
    {
        lock (sync)
        {
            arrivedRuns.Clear();
            runsToHold = runs;
            allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Open()
    {
        lock (sync)
        {
            opened.TrySetResult();
        }
    }

    /// <summary>Wraps the host's <see cref="ILessonStore"/> registration; call from the host's test-services hook.</summary>
    public void Install(IServiceCollection services)
    {
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(ILessonStore));
        services.Remove(original);
        services.AddSingleton<ILessonStore>(provider => new GatedLessonStore(CreateOriginal(original, provider), this));
    }

    private static ILessonStore CreateOriginal(ServiceDescriptor descriptor, IServiceProvider provider) =>
        descriptor.ImplementationFactory is { } factory ? (ILessonStore)factory(provider)
        : descriptor.ImplementationInstance is ILessonStore instance ? instance
        : (ILessonStore)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);

    private static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }

    private Task WaitAsync(string runId, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            if (opened.Task.IsCompleted)
            {
                return Task.CompletedTask;
            }

            if (arrivedRuns.Add(runId) && arrivedRuns.Count >= runsToHold)
            {
                allArrived.TrySetResult();
            }

            return opened.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class GatedLessonStore(ILessonStore inner, SaveGate gate) : ILessonStore
    {
        public async Task<LessonVersionInfo> SaveNewVersionAsync(LessonKey key, string runId, LessonDocument document, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(runId, cancellationToken);
            try
            {
                return await inner.SaveNewVersionAsync(key, runId, document, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                gate.failedSavesByRun.AddOrUpdate(runId, 1, (_, count) => count + 1);
                throw;
            }
        }

        public Task<LessonVersion?> GetLatestAsync(LessonKey key, CancellationToken cancellationToken) =>
            inner.GetLatestAsync(key, cancellationToken);

        public Task<LessonVersion?> GetVersionAsync(LessonKey key, string version, CancellationToken cancellationToken) =>
            inner.GetVersionAsync(key, version, cancellationToken);

        public Task<IReadOnlyList<LessonVersionInfo>> ListVersionsAsync(LessonKey key, CancellationToken cancellationToken) =>
            inner.ListVersionsAsync(key, cancellationToken);

        public Task<IReadOnlyList<LessonVersionInfo>> ListStaleAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
            inner.ListStaleAsync(createdBefore, cancellationToken);
    }
}
