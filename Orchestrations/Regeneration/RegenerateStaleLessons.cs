using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Orchestrations.Regeneration;

/// <summary>
/// Regenerates stale and flagged lessons, one new version each, as LessonGeneration sub-orchestrations under each
/// lesson's singleton run id, at most <see cref="RegenerationInput.Concurrency"/> at a time. A lesson whose run is
/// already active cannot get a second one (the start of that id is refused) and is counted as skipped.
/// </summary>
[DurableTask(RegenerationNames.RegenerateStaleLessons)]
public sealed class RegenerateStaleLessons : TaskOrchestrator<RegenerationInput, RegenerationResult>
{
    public override async Task<RegenerationResult> RunAsync(OrchestrationContext context, RegenerationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<RegenerateStaleLessons>();

        var stale = await context.CallActivityAsync<List<LessonRef>>(RegenerationNames.FindStaleLessons, new FindStaleLessonsInput(input.StaleBefore), StepRetries.Storage());
        var lessons = new Dictionary<string, LessonRunInput>(StringComparer.Ordinal);
        foreach (var lesson in stale.Concat(input.Flagged))
        {
            if (LessonLevels.TryParse(lesson.Level, out var level))
            {
                var run = input.Template with { Subject = LessonKey.Normalize(lesson.Subject), Topic = LessonKey.Normalize(lesson.Topic), Level = level };
                lessons.TryAdd(run.Key.RunInstanceId, run);
            }
        }

        var queue = new Queue<LessonRunInput>(lessons.Values);
        var running = new Dictionary<Task, LessonRunInput>();
        var skipped = new List<LessonRef>();
        var failures = new List<RegenerationFailure>();
        var regenerated = 0;
        var cap = Math.Max(1, input.Concurrency);

        void Report() => context.SetCustomStatus(new RegenerationProgress(regenerated + skipped.Count + failures.Count, lessons.Count, regenerated, skipped.Count, failures.Count));

        Report();
        while (queue.Count > 0 || running.Count > 0)
        {
            while (running.Count < cap && queue.TryDequeue(out var next))
            {
                running.Add(context.CallSubOrchestratorAsync<LessonRunResult>(OrchestrationNames.LessonGeneration, next, new SubOrchestrationOptions(InstanceId: next.Key.RunInstanceId)), next);
            }

            var finished = await Task.WhenAny(running.Keys);
            var lesson = running[finished];
            running.Remove(finished);
            var reference = new LessonRef(lesson.Key.Subject, lesson.Key.Topic, lesson.Level.ToWire());
            try
            {
                await finished;
                regenerated++;
            }
            catch (TaskFailedException failure) when (failure.FailureDetails.IsCausedBy<OrchestrationAlreadyExistsException>())
            {
                skipped.Add(reference);
            }
            catch (TaskFailedException failure)
            {
                failures.Add(new RegenerationFailure(reference, failure.FailureDetails.ErrorMessage));
            }

            Report();
        }

        logger.LogInformation("Regeneration: {Found} lessons, {Regenerated} regenerated, {Skipped} skipped, {Failed} failed", lessons.Count, regenerated, skipped.Count, failures.Count);
        return new RegenerationResult(lessons.Count, regenerated, skipped.Count, skipped, failures);
    }
}
