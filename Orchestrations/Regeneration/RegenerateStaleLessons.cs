using DurableLessons.Orchestrations.Lessons;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using DurableLessons.Shared.Regeneration;

namespace DurableLessons.Orchestrations.Regeneration;

/// <summary>
/// Regenerates stale and flagged lessons, one new version each, as LessonGeneration sub-orchestrations under each
/// lesson's singleton run id, at most <see cref="RegenerationInput.Concurrency"/> at a time (<see cref="LessonRunFanOut"/>).
/// A lesson whose run is already active gets no second one and is counted as skipped.
/// </summary>
[DurableTask(RegenerationNames.RegenerateStaleLessons)]
public sealed class RegenerateStaleLessons : TaskOrchestrator<RegenerationInput, RegenerationResult>
{
    public override async Task<RegenerationResult> RunAsync(TaskOrchestrationContext context, RegenerationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input = RunInputRules.Require(input, RegenerationNames.RegenerateStaleLessons, "staleBefore").Validated();
        var logger = context.CreateReplaySafeLogger<RegenerateStaleLessons>();
        var settings = input.Settings!;

        var stale = await context.CallActivityAsync<List<LessonRef>>(
            RegenerationNames.FindStaleLessons, new FindStaleLessonsInput(input.StaleBefore), StepRetries.Storage(settings.StorageRetryAttempts));
        var lessons = new Dictionary<string, LessonRunInput>(StringComparer.Ordinal);
        foreach (var lesson in stale.Concat(input.Flagged ?? []))
        {
            if (LessonLevels.TryParse(lesson.Level, out var level))
            {
                var run = settings.For(LessonKey.Normalize(lesson.Subject), LessonKey.Normalize(lesson.Topic), level);
                lessons.TryAdd(run.Key.RunInstanceId, run);
            }
        }

        var skipped = new List<LessonRef>();
        var failures = new List<RegenerationFailure>();
        var regenerated = 0;

        void Report(int running) => context.SetCustomStatus(
            new RegenerationProgress(regenerated + skipped.Count + failures.Count, lessons.Count, regenerated, skipped.Count, failures.Count));

        void Finished(LessonRunInput lesson, LessonRunOutcome outcome)
        {
            var reference = new LessonRef(lesson.Key.Subject, lesson.Key.Topic, lesson.Level.ToWire());
            switch (outcome.End)
            {
                case LessonRunEnd.Completed:
                    regenerated++;
                    break;
                case LessonRunEnd.AlreadyRunning:
                    skipped.Add(reference);
                    break;
                default:
                    failures.Add(new RegenerationFailure(reference, outcome.Error ?? "failed"));
                    break;
            }

            Report(0);
        }

        Report(0);
        await LessonRunFanOut.RunAsync(context, lessons.Values, run => run, input.Concurrency, Finished, _ => { }, settings.StorageRetryAttempts);

        logger.LogInformation("Regeneration: {Found} lessons, {Regenerated} regenerated, {Skipped} skipped, {Failed} failed", lessons.Count, regenerated, skipped.Count, failures.Count);
        return new RegenerationResult(lessons.Count, regenerated, skipped.Count, skipped, failures);
    }
}
