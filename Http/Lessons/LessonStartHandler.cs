using DurableLessons.Application.Lessons;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Lessons;

/// <summary>
/// POST /api/lessons: validates the request and starts (or joins) the lesson's run through <see cref="LessonRunStarter"/>.
/// A POST while a run is active answers that run's check-status payload and starts nothing. 202 is sent only after
/// the start is durably recorded, so an accepted request is never lost.
/// </summary>
public sealed class LessonStartHandler(LessonRunStarter starter, StarterLinks links, LessonRequestValidator validator)
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

        var run = await starter.StartOrJoinAsync(client, input, request.HttpContext.RequestAborted);
        return CheckStatusResponse.Accepted(links.Create(request, run.InstanceId));
    }
}
