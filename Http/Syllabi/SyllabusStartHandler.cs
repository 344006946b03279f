using DurableLessons.Application.Syllabi;
using DurableLessons.Http.Auth;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Syllabi;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Syllabi;

/// <summary>
/// POST /api/syllabi: a new syllabus gets a new id and its SyllabusGeneration run through <see cref="SyllabusRunStarter"/>;
/// a start under an id whose run is still active answers that run's payload instead.
/// </summary>
public sealed class SyllabusStartHandler(
    SyllabusRunStarter starter, StarterLinks links, SyllabusRequestValidator validator, LearnerResolver learners)
{
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (learner, denied) = learners.Resolve(request);
        if (learner is null)
        {
            return denied!;
        }

        var (body, problem) = await JsonRequestReader.ReadAsync<SyllabusRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        var (input, errors) = validator.Validate(body!, Guid.NewGuid().ToString("N"));
        return input is null ? RequestProblems.Invalid(errors) : await StartAsync(request, client, input, learner);
    }

    /// <summary>Records <paramref name="owner"/> as the syllabus's owner (unless it has one) and starts or joins its run.</summary>
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, SyllabusRunInput input, Learner owner)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(owner);
        var run = await starter.StartOrJoinAsync(client, input, owner.Key, request.HttpContext.RequestAborted);
        return CheckStatusResponse.Accepted(links.Create(request, run.InstanceId));
    }
}
