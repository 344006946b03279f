using DurableLessons.Application.Runs;
using DurableLessons.Shared.Lessons;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Application.Lessons;

/// <summary>
/// Starts a LessonGeneration run, at most one active per subject/topic/level: the instance id is derived from the
/// lesson key, and a start while that run is active joins it. Used by the HTTP handlers of both hosts, a syllabus's
/// on-demand lesson and the CLI.
/// </summary>
public sealed class LessonRunStarter(RunStarter runs)
{
    public async Task<RunStart> StartOrJoinAsync(DurableTaskClient client, LessonRunInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = input.Key.RunInstanceId;
        var started = await runs.StartOrJoinAsync(client, OrchestrationNames.LessonGeneration, instanceId, input, cancellationToken);
        return new RunStart(instanceId, started);
    }
}
