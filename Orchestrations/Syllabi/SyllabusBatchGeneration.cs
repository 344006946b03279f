using DurableLessons.Orchestrations.Lessons;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Orchestrations.Syllabi;

/// <summary>
/// Generates a syllabus's lessons as LessonGeneration sub-orchestrations, at most <see cref="SyllabusBatchInput.Concurrency"/>
/// at a time (<see cref="LessonRunFanOut"/>). Each uses its lesson's singleton run id, so the syllabus shows its state
/// and no other run of that lesson can start meanwhile; a lesson already being generated is left to that run. A failed
/// lesson is recorded and the batch goes on.
/// </summary>
[DurableTask(SyllabusOrchestrationNames.SyllabusBatchGeneration)]
public sealed class SyllabusBatchGeneration : TaskOrchestrator<SyllabusBatchInput, SyllabusBatchResult>
{
    public override async Task<SyllabusBatchResult> RunAsync(TaskOrchestrationContext context, SyllabusBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input = RunInputRules.Require(input, SyllabusOrchestrationNames.SyllabusBatchGeneration, "syllabusId and lessons").Validated();

        var logger = context.CreateReplaySafeLogger<SyllabusBatchGeneration>();
        var lessons = input.Lessons ?? [];
        var failures = new List<BatchLessonFailure>();
        var alreadyRunning = new List<string>();
        var done = 0;

        void Finished(BatchLesson lesson, LessonRunOutcome outcome)
        {
            done++;
            switch (outcome.End)
            {
                case LessonRunEnd.AlreadyRunning:
                    alreadyRunning.Add(lesson.LessonId);
                    break;
                case LessonRunEnd.Failed:
                    failures.Add(new BatchLessonFailure(lesson.LessonId, lesson.Title, outcome.Error ?? "failed"));
                    logger.LogWarning("Batch of syllabus {SyllabusId}: lesson {LessonId} failed: {Error}", input.SyllabusId, lesson.LessonId, outcome.Error);
                    break;
            }
        }

        void Report(int running) => context.SetCustomStatus(new BatchProgress(done, lessons.Count, failures.Count, running));

        Report(0);
        await LessonRunFanOut.RunAsync(context, lessons, lesson => lesson.Run, input.Concurrency, Finished, Report);
        return new SyllabusBatchResult(
            input.SyllabusId, lessons.Count, lessons.Count - failures.Count - alreadyRunning.Count, failures, alreadyRunning);
    }
}
