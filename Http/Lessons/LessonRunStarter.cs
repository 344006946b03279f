using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Security;
using DurableLessons.Http.StatusLinks;
using DurableLessons.Shared.Lessons;
using DurableLessons.Http.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Lessons;

/// <summary>
/// Starts a LessonGeneration run, at most one active per subject/topic/level: the run's instance id is derived from
/// the lesson key, and <see cref="RunStarter"/> joins the active run with that id instead of starting a second. A POST while a
/// run is active answers that run's check-status payload and starts nothing. 202 is sent only after the start is
/// durably recorded, so an accepted request is never lost.
/// </summary>
public sealed class LessonRunStarter(RunStarter runs, StarterLinks links, LessonRequestValidator validator)
{
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client)
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

        var instanceId = input.Key.RunInstanceId;
        await runs.StartOrJoinAsync(client, OrchestrationNames.LessonGeneration, instanceId, input, request.HttpContext.RequestAborted);
        return CheckStatusResponse.Accepted(links.Create(request, instanceId));
    }
}
