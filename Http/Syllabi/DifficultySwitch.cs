using System.Security.Cryptography;
using System.Text;
using DurableLessons.Http.Auth;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Syllabi;

/// <summary>
/// Lowers a syllabus's difficulty one level (expert → advanced → intermediate → beginner): the newest completed
/// syllabus of the same topic one level lower when there is one (200), otherwise the run that plans it (202; one run
/// per topic and level, so repeated requests join it), and 409 at beginner.
/// </summary>
public sealed class DifficultySwitch(
    ISyllabusStore store,
    ISyllabusOwners owners,
    SyllabusLookup lookup,
    SyllabusStartHandler starter,
    SyllabusRequestValidator validator,
    LearnerResolver learners)
{
    public async Task<Results<Ok<EasierSyllabus>, CheckStatusAccepted, ProblemHttpResult>> LowerAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (syllabus, problem) = await lookup.FindAsync(request, id);
        if (syllabus is null)
        {
            return problem!;
        }

        var learner = learners.Resolve(request).Learner!;

        if (syllabus.Level.Easier() is not { } easier)
        {
            return RequestProblems.Conflict(
                "Already at the easiest level.",
                $"Syllabus '{syllabus.Id}' is for beginners; there is no lower difficulty.");
        }

        if (await store.FindLatestAsync(syllabus.Topic, easier, cancellationToken) is { } existing
            && (await owners.GetAsync(existing.Id, cancellationToken) is not { } owner || SyllabusLookup.CanRead(owner, learner)))
        {
            return TypedResults.Ok(new EasierSyllabus(existing.Id, existing.Topic, easier.ToWire(), SyllabusRoutes.Get(existing.Id)));
        }

        // A key-safe id derived from topic and level (and a signed-in learner, whose plan is their own), so concurrent
        // requests start one run and later ones join it.
        var easierId = new LessonKey(syllabus.Topic, "syllabus", easier).StorageId;
        if (learner.IsSignedIn)
        {
            easierId += "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(learner.Key)))[..12];
        }

        return await starter.StartAsync(request, client, validator.Create(easierId, syllabus.Topic, easier, syllabus.Goals, syllabus.Language), learner);
    }
}

public sealed record EasierSyllabus(string Id, string Topic, string Level, string Url);
