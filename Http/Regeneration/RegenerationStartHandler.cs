using DurableLessons.Application.Regeneration;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Regeneration;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Regeneration;

/// <summary>POST /api/admin/regenerations: validates the flagged lessons and starts (or joins) the regeneration through <see cref="RegenerationStarter"/>.</summary>
public sealed class RegenerationStartHandler(RegenerationStarter starter, IManagementLinkFactory links)
{
    /// <summary>POST /api/admin/regenerations, optionally with <c>{"lessons":[{subject,topic,level}]}</c> to regenerate whatever their age.</summary>
    public async Task<IResult> StartNowAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<LessonRef> flagged = [];
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, problem) = await JsonRequestReader.ReadAsync<RegenerationRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            var lessons = body!.Lessons ?? [];
            var errors = RegenerationRequestValidator.Validate(lessons);
            if (errors.Count > 0)
            {
                return RequestProblems.Invalid(errors);
            }

            flagged = lessons;
        }

        await starter.StartAsync(client, flagged, request.HttpContext.RequestAborted);
        return CheckStatusResponse.Accepted(links.Create(request, RegenerationNames.InstanceId));
    }
}

public sealed record RegenerationRequest(IReadOnlyList<LessonRef>? Lessons);
