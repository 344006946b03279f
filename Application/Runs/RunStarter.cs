using DurableLessons.Shared.Telemetry;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Application.Runs;

/// <summary>
/// Starts a run under a fixed instance id, or joins the one that is active under it: the rule behind every singleton
/// (one lesson run per subject/topic/level, one regeneration, one batch per syllabus). The instance is read first,
/// because a Durable backend may replace an instance whose start it is asked for again; a start that loses the race
/// to another is recognised by the SDK's error (or by reading the instance again) and joins the winner.
/// </summary>
public sealed class RunStarter(LessonTelemetry telemetry, ILogger<RunStarter> logger)
{
    /// <summary>True when this call started the run; false when an active run with that id was joined.</summary>
    public async Task<bool> StartOrJoinAsync(
        DurableTaskClient client, string orchestration, string instanceId, object input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await ActiveStatusAsync(client, instanceId, cancellationToken) is { } status)
        {
            logger.LogInformation("{Orchestration} run {InstanceId} is already {Status}; returning it", orchestration, instanceId, status);
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestration, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            logger.LogInformation("Started {Orchestration} run {InstanceId}", orchestration, instanceId);
            telemetry.RunStarted(orchestration);
            return true;
        }
        catch (Exception error) when (error is OrchestrationAlreadyExistsException or InvalidOperationException)
        {
            if (await ActiveStatusAsync(client, instanceId, cancellationToken) is not { } winner)
            {
                throw;
            }

            logger.LogInformation("{Orchestration} run {InstanceId} was started by another request meanwhile ({Status}); returning it", orchestration, instanceId, winner);
            return false;
        }
    }

    /// <summary>The status of the instance when it is active (not Completed, Failed or Terminated), else null.</summary>
    public static async Task<OrchestrationRuntimeStatus?> ActiveStatusAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return existing is { IsCompleted: false } ? existing.RuntimeStatus : null;
    }
}
