using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Security;
using DurableLessons.Http.StatusLinks;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Lessons;

/// <summary>
/// Starts a LessonGeneration run, at most one active per subject/topic/level: the run's instance id is derived from
/// the lesson key, and the workflow client refuses a second start of a non-terminal id atomically. A POST while a
/// run is active answers that run's check-status payload and starts nothing. 202 is sent only after the start is
/// durably recorded, so an accepted request is never lost.
/// </summary>
public sealed class LessonRunStarter(
    IWorkflowClient client,
    StarterLinks links,
    LessonRequestValidator validator,
    ILogger<LessonRunStarter> logger)
{
    public async Task<IResult> StartAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var (body, problem) = await JsonRequestReader.ReadAsync<LessonRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        var (input, errors) = validator.Validate(body!);
        if (input is null)
        {
            return RequestProblems.Invalid(errors);
        }

        var key = input.Key;
        var instanceId = key.RunInstanceId;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                OrchestrationNames.LessonGeneration,
                input,
                new StartOrchestrationOptions(instanceId),
                request.HttpContext.RequestAborted);
            logger.LogInformation("Started lesson run {InstanceId} for {Lesson}", instanceId, key);
        }
        catch (OrchestrationAlreadyExistsException existing)
        {
            logger.LogInformation("Lesson run {InstanceId} for {Lesson} is already {Status}; returning it", instanceId, key, existing.Status);
        }

        return CheckStatusResponse.Accepted(links.Create(request, instanceId));
    }
}
