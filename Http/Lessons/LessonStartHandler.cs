using DurableLessons.Application.Lessons;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Lessons;

/// <summary>
/// POST /api/lessons: validates the request and starts (or joins) the lesson's run through <see cref="LessonRunStarter"/>.
/// A POST while a run is active answers that run's check-status payload and starts nothing. 202 is sent only after
/// the start is durably recorded, so an accepted request is never lost.
/// </summary>
public sealed class LessonStartHandler(LessonRunStarter starter, StarterLinks links, LessonRequestValidator validator)
{
    public async Task<Results<CheckStatusAccepted, ProblemHttpResult>> StartAsync(JsonBody<LessonRequest> body, HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);
        if (body.Rejection is { } rejection)
        {
            return rejection;
        }

        var (input, errors) = validator.Validate(body.Value);
        if (input is null)
        {
            return RequestProblems.Invalid(errors);
        }

        var run = await starter.StartOrJoinAsync(client, input, request.HttpContext.RequestAborted);
        return new CheckStatusAccepted(links.Create(request, run.InstanceId));
    }
}
