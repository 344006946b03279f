using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using OrchestrationAlreadyExistsException = DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException;

namespace DurableLessons.Orchestrations.Lessons;

/// <summary>How one lesson of a fan-out ended.</summary>
internal enum LessonRunEnd
{
    Completed,

    /// <summary>The lesson's singleton run was already active (started by someone else), so none was started.</summary>
    AlreadyRunning,

    Failed,
}

internal sealed record LessonRunOutcome(LessonRunEnd End, string? Error = null);

/// <summary>
/// Runs lessons as LessonGeneration sub-orchestrations under each lesson's singleton run id, at most a given number
/// at a time. Before starting one it asks whether that id is already active and, if so, leaves it to its run:
/// the Durable Task Framework does not refuse a sub-orchestration whose id is running (only top-level starts are
/// de-duplicated), so starting it anyway would corrupt the other run. A start that loses the remaining race is
/// refused by the embedded engine and counted the same way.
/// </summary>
internal static class LessonRunFanOut
{
    public static async Task RunAsync<T>(
        TaskOrchestrationContext context,
        IEnumerable<T> lessons,
        Func<T, LessonRunInput> runOf,
        int concurrency,
        Action<T, LessonRunOutcome> finished,
        Action<int> reportRunning,
        int storageRetryAttempts = LessonOptions.DefaultStorageRetryAttempts)
    {
        var queue = new Queue<T>(lessons);
        var running = new Dictionary<Task<LessonRunResult>, T>();
        var cap = Math.Max(1, concurrency);
        while (queue.Count > 0 || running.Count > 0)
        {
            while (running.Count < cap && queue.TryDequeue(out var next))
            {
                var run = runOf(next);
                var instanceId = run.Key.RunInstanceId;
                var status = await context.CallActivityAsync<RunStatusReport>(
                    RunActivityNames.GetRunStatus, instanceId, StepRetries.Storage(storageRetryAttempts));
                if (status.IsActive)
                {
                    finished(next, new LessonRunOutcome(LessonRunEnd.AlreadyRunning));
                    continue;
                }

                var start = new SubOrchestrationOptions { InstanceId = instanceId };
                running.Add(context.CallSubOrchestratorAsync<LessonRunResult>(OrchestrationNames.LessonGeneration, run, start), next);
            }

            reportRunning(running.Count);
            if (running.Count == 0)
            {
                continue;
            }

            var done = await Task.WhenAny(running.Keys);
            var lesson = running[done];
            running.Remove(done);
            try
            {
                await done;
                finished(lesson, new LessonRunOutcome(LessonRunEnd.Completed));
            }
            catch (TaskFailedException failure) when (failure.FailureDetails.IsCausedBy<OrchestrationAlreadyExistsException>())
            {
                finished(lesson, new LessonRunOutcome(LessonRunEnd.AlreadyRunning));
            }
            catch (TaskFailedException failure)
            {
                finished(lesson, new LessonRunOutcome(LessonRunEnd.Failed, failure.FailureDetails.ErrorMessage));
            }
        }

        reportRunning(0);
    }
}
