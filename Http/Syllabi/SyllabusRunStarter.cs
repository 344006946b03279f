using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Security;
using DurableLessons.Http.StatusLinks;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Syllabi;

/// <summary>
/// Starts SyllabusGeneration runs. A new syllabus gets a new id (the run's instance id is derived from it, and the
/// run's output carries it); a start under an id whose run is still active answers that run's payload instead.
/// </summary>
public sealed class SyllabusRunStarter(
    IWorkflowClient client,
    StarterLinks links,
    SyllabusRequestValidator validator,
    ILogger<SyllabusRunStarter> logger)
{
    public async Task<IResult> StartAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, problem) = await JsonRequestReader.ReadAsync<SyllabusRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        var (input, errors) = validator.Validate(body!, Guid.NewGuid().ToString("N"));
        return input is null ? RequestProblems.Invalid(errors) : await StartAsync(request, input);
    }

    public async Task<IResult> StartAsync(HttpRequest request, SyllabusRunInput input)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = SyllabusOrchestrationNames.GenerationInstanceId(input.SyllabusId);
        await StartOrJoinAsync(client, SyllabusOrchestrationNames.SyllabusGeneration, instanceId, input, logger, request.HttpContext.RequestAborted);
        return CheckStatusResponse.Accepted(links.Create(request, instanceId));
    }

    /// <summary>Schedules the instance, or leaves the active one with that id running.</summary>
    internal static async Task StartOrJoinAsync(IWorkflowClient client, string orchestration, string instanceId, object input, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestration, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            logger.LogInformation("Started {Orchestration} run {InstanceId}", orchestration, instanceId);
        }
        catch (OrchestrationAlreadyExistsException existing)
        {
            logger.LogInformation("{Orchestration} run {InstanceId} is already {Status}; returning it", orchestration, instanceId, existing.Status);
        }
    }
}
