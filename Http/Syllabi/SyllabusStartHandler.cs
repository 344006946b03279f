using DurableLessons.Application.Syllabi;
using DurableLessons.Http.Auth;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Syllabi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Syllabi;

/// <summary>
/// POST /api/syllabi: a new syllabus gets a new id and its SyllabusGeneration run through <see cref="SyllabusRunStarter"/>;
/// a start under an id whose run is still active answers that run's payload instead.
/// </summary>
public sealed class SyllabusStartHandler(
    SyllabusRunStarter starter, StarterLinks links, SyllabusRequestValidator validator, LearnerResolver learners)
{
    /// <summary>The learner is checked first: without one the answer is 401 whatever the body.</summary>
    public async Task<Results<CheckStatusAccepted, ProblemHttpResult>> StartAsync(JsonBody<SyllabusRequest> body, HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);
        var (learner, denied) = learners.Resolve(request);
        if (learner is null)
        {
            return denied!;
        }

        if (body.Rejection is { } rejection)
        {
            return rejection;
        }

        var (input, errors) = validator.Validate(body.Value, Guid.NewGuid().ToString("N"));
        return input is null ? RequestProblems.Invalid(errors) : await StartAsync(request, client, input, learner);
    }

    /// <summary>Records <paramref name="owner"/> as the syllabus's owner (unless it has one) and starts or joins its run.</summary>
    public async Task<CheckStatusAccepted> StartAsync(HttpRequest request, DurableTaskClient client, SyllabusRunInput input, Learner owner)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(owner);
        var run = await starter.StartOrJoinAsync(client, input, owner.Key, request.HttpContext.RequestAborted);
        return new CheckStatusAccepted(links.Create(request, run.InstanceId));
    }
}
