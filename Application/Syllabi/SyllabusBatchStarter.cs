using DurableLessons.Application.Lessons;
using DurableLessons.Application.Runs;
using DurableLessons.Shared.Syllabi;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableLessons.Application.Syllabi;

/// <summary>
/// Starts the SyllabusBatchGeneration of a syllabus's lessons that are pending now (never generated, no run on
/// record), <c>Syllabi:BatchConcurrency</c> at a time; while the syllabus's batch is active, answers that one instead.
/// </summary>
public sealed class SyllabusBatchStarter(RunStarter runs, LessonStateReader states, LessonRunInputs inputs, IOptions<SyllabusOptions> options)
{
    public async Task<RunStart> StartPendingLessonsAsync(DurableTaskClient client, SyllabusDocument syllabus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(syllabus);
        var instanceId = SyllabusOrchestrationNames.BatchInstanceId(syllabus.Id);
        if (await RunStarter.ActiveStatusAsync(client, instanceId, cancellationToken) is not null)
        {
            return new RunStart(instanceId, Started: false);
        }

        var pending = new List<BatchLesson>();
        foreach (var skeleton in syllabus.Lessons)
        {
            var view = await states.ReadAsync(client, syllabus, skeleton, cancellationToken);
            if (view.State == LessonStates.Pending)
            {
                pending.Add(new BatchLesson(skeleton.Id, skeleton.Title, inputs.ForSyllabusLesson(syllabus, skeleton)));
            }
        }

        var input = new SyllabusBatchInput(syllabus.Id, options.Value.BatchConcurrency, pending);
        var started = await runs.StartOrJoinAsync(client, SyllabusOrchestrationNames.SyllabusBatchGeneration, instanceId, input, cancellationToken);
        return new RunStart(instanceId, started);
    }
}
