using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Orchestrations.Syllabi;

/// <summary>
/// Generates a syllabus's lessons as LessonGeneration sub-orchestrations, at most <see cref="SyllabusBatchInput.Concurrency"/>
/// at a time. Each sub-orchestration uses its lesson's singleton run id, so the syllabus shows its state and no other
/// run of that lesson can start meanwhile. A failed lesson is recorded and the batch goes on.
/// </summary>
[DurableTask(SyllabusOrchestrationNames.SyllabusBatchGeneration)]
public sealed class SyllabusBatchGeneration : TaskOrchestrator<SyllabusBatchInput, SyllabusBatchResult>
{
    public override async Task<SyllabusBatchResult> RunAsync(OrchestrationContext context, SyllabusBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var logger = context.CreateReplaySafeLogger<SyllabusBatchGeneration>();
        var cap = Math.Max(1, input.Concurrency);
        var failures = new List<BatchLessonFailure>();
        var running = new Dictionary<Task, BatchLesson>();
        var queue = new Queue<BatchLesson>(input.Lessons);
        var done = 0;

        void Report() => context.SetCustomStatus(new BatchProgress(done, input.Lessons.Count, failures.Count, running.Count));

        Report();
        while (queue.Count > 0 || running.Count > 0)
        {
            while (running.Count < cap && queue.TryDequeue(out var next))
            {
                var task = context.CallSubOrchestratorAsync<LessonRunResult>(
                    OrchestrationNames.LessonGeneration,
                    next.Run,
                    new SubOrchestrationOptions(InstanceId: next.Run.Key.RunInstanceId));
                running.Add(task, next);
            }

            Report();
            var finished = await Task.WhenAny(running.Keys);
            var lesson = running[finished];
            running.Remove(finished);
            done++;
            try
            {
                await finished;
            }
            catch (TaskFailedException failure)
            {
                failures.Add(new BatchLessonFailure(lesson.LessonId, lesson.Title, failure.FailureDetails.ErrorMessage));
                logger.LogWarning("Batch of syllabus {SyllabusId}: lesson {LessonId} failed: {Error}", input.SyllabusId, lesson.LessonId, failure.FailureDetails.ErrorMessage);
            }
        }

        Report();
        return new SyllabusBatchResult(input.SyllabusId, input.Lessons.Count, input.Lessons.Count - failures.Count, failures);
    }
}
