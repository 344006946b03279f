using DurableLessons.Application.Runs;
using DurableLessons.Shared.Syllabi;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Application.Syllabi;

/// <summary>
/// Starts a SyllabusGeneration run: records the owner of the syllabus (unless it has one), then starts the run under
/// the instance id derived from the syllabus id, or joins the one still active under it.
/// </summary>
public sealed class SyllabusRunStarter(RunStarter runs, ISyllabusOwners owners, TimeProvider time)
{
    public async Task<RunStart> StartOrJoinAsync(DurableTaskClient client, SyllabusRunInput input, string ownerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await owners.ClaimAsync(
            new SyllabusOwner(input.SyllabusId, ownerKey, input.Topic, input.Level, Shared: false, time.GetUtcNow()), cancellationToken);
        var instanceId = SyllabusOrchestrationNames.GenerationInstanceId(input.SyllabusId);
        var started = await runs.StartOrJoinAsync(client, SyllabusOrchestrationNames.SyllabusGeneration, instanceId, input, cancellationToken);
        return new RunStart(instanceId, started);
    }
}
