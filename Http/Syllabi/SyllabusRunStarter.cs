using DurableLessons.Http.Auth;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Security;
using DurableLessons.Http.StatusLinks;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Http.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Syllabi;

/// <summary>
/// Starts SyllabusGeneration runs. A new syllabus gets a new id (the run's instance id is derived from it, and the
/// run's output carries it); a start under an id whose run is still active answers that run's payload instead.
/// </summary>
public sealed class SyllabusRunStarter(
    RunStarter runs, StarterLinks links, SyllabusRequestValidator validator, LearnerResolver learners, ISyllabusOwners owners, TimeProvider time)
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
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(owner);
        await owners.ClaimAsync(
            new SyllabusOwner(input.SyllabusId, owner.Key, input.Topic, input.Level, Shared: false, time.GetUtcNow()), request.HttpContext.RequestAborted);
        var instanceId = SyllabusOrchestrationNames.GenerationInstanceId(input.SyllabusId);
        await runs.StartOrJoinAsync(client, SyllabusOrchestrationNames.SyllabusGeneration, instanceId, input, request.HttpContext.RequestAborted);
        return CheckStatusResponse.Accepted(links.Create(request, instanceId));
    }
}
