using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Syllabi;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Application.Syllabi;

/// <summary>
/// Derives each skeleton's state when read, from its lesson's singleton run (<see cref="LessonKey.RunInstanceId"/>)
/// and the stored versions, so it is right whatever changed the run: a batch, an on-demand start, a failure, a
/// rewind, a terminate. Nothing to keep in sync. With no run on record (never started, or purged), a stored version
/// means completed, none means pending.
/// </summary>
public sealed class LessonStateReader(ILessonStore lessons)
{
    public async Task<LessonSkeletonView> ReadAsync(DurableTaskClient client, SyllabusDocument syllabus, LessonSkeleton skeleton, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(syllabus);
        ArgumentNullException.ThrowIfNull(skeleton);
        var key = syllabus.LessonKeyFor(skeleton);
        var run = await client.GetInstanceAsync(key.RunInstanceId, getInputsAndOutputs: true, cancellationToken);
        var latest = await lessons.GetLatestAsync(key, cancellationToken);

        var (state, version, error) = run?.RuntimeStatus switch
        {
            null => latest is null ? (LessonStates.Pending, null, null) : (LessonStates.Completed, latest.Version, null),
            OrchestrationRuntimeStatus.Completed => (LessonStates.Completed, run.ReadOutputAs<LessonRunResult>()?.Version ?? latest?.Version, (string?)null),
            OrchestrationRuntimeStatus.Failed => (LessonStates.Failed, latest?.Version, run.FailureDetails?.ErrorMessage ?? "The lesson run failed."),
            OrchestrationRuntimeStatus.Terminated => (LessonStates.Failed, latest?.Version, "The lesson run was terminated."),
            _ => (LessonStates.Generating, latest?.Version, null),
        };

        return new LessonSkeletonView(
            skeleton.Id,
            skeleton.Title,
            skeleton.Summary,
            skeleton.Objectives,
            skeleton.EstimatedMinutes,
            state,
            run?.InstanceId,
            version,
            error);
    }

    public async Task<SyllabusView> ReadAsync(DurableTaskClient client, SyllabusDocument syllabus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(syllabus);
        var modules = new List<SyllabusModuleView>(syllabus.Modules.Count);
        foreach (var module in syllabus.Modules)
        {
            var lessonViews = new List<LessonSkeletonView>(module.Lessons.Count);
            foreach (var skeleton in module.Lessons)
            {
                lessonViews.Add(await ReadAsync(client, syllabus, skeleton, cancellationToken));
            }

            modules.Add(new SyllabusModuleView(module.Title, lessonViews));
        }

        return new SyllabusView(syllabus.Id, syllabus.Topic, syllabus.Level.ToWire(), syllabus.Goals, syllabus.CreatedAt, syllabus.Generator, modules);
    }
}
