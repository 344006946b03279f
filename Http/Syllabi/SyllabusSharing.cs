using DurableLessons.Http.Auth;
using DurableLessons.Http.Problems;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DurableLessons.Http.Syllabi;

public sealed record SharedSyllabus(string Id, bool Shared, string Url);

/// <summary>One of my syllabi; <c>Planned</c> is false while its plan is still being written.</summary>
public sealed record MySyllabus(string Id, string Topic, string Level, bool Shared, DateTimeOffset CreatedAt, bool Planned, int LessonCount, string Url);

public sealed record MySyllabi(IReadOnlyList<MySyllabus> Syllabi);

/// <summary>
/// <c>GET /api/me/syllabi</c>, the syllabi the learner planned (newest first), and <c>POST /api/syllabi/{id}/share</c>,
/// which makes one readable by every learner; only its owner shares it.
/// </summary>
public sealed class SyllabusSharing(ISyllabusStore store, ISyllabusOwners owners, LearnerResolver learners)
{
    public async Task<Results<Ok<SharedSyllabus>, ProblemHttpResult>> ShareAsync(HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (learner, denied) = learners.Resolve(request);
        if (learner is null)
        {
            return denied!;
        }

        if (!SyllabusLookup.IsWellFormedId(id))
        {
            return RequestProblems.Invalid("id", "A syllabus id is 1 to 200 letters, digits, '-' or '~'.");
        }

        var owner = await owners.GetAsync(id, cancellationToken);
        if (owner is null)
        {
            // Planned before learners signed in: it belongs to no one and everyone reads it already.
            return await store.GetAsync(id, cancellationToken) is null ? SyllabusLookup.NotFound(id) : TypedResults.Ok(Shared(id));
        }

        if (!learner.Owns(owner.OwnerKey))
        {
            return SyllabusLookup.CanRead(owner, learner)
                ? ProblemResponses.Forbidden($"Only the learner who planned syllabus '{id}' can share it.")
                : SyllabusLookup.NotFound(id);
        }

        await owners.ShareAsync(id, cancellationToken);
        return TypedResults.Ok(Shared(id));
    }

    public async Task<Results<Ok<MySyllabi>, ProblemHttpResult>> ListMineAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (learner, denied) = learners.Resolve(request);
        if (learner is null)
        {
            return denied!;
        }

        var mine = new List<MySyllabus>();
        foreach (var owner in await owners.ListAsync(learner.Key, cancellationToken))
        {
            var syllabus = await store.GetAsync(owner.SyllabusId, cancellationToken);
            mine.Add(new MySyllabus(
                owner.SyllabusId,
                syllabus?.Topic ?? owner.Topic,
                owner.Level.ToWire(),
                owner.Shared,
                owner.CreatedAt,
                syllabus is not null,
                syllabus?.Lessons.Count() ?? 0,
                SyllabusRoutes.Get(owner.SyllabusId)));
        }

        return TypedResults.Ok(new MySyllabi(mine));
    }

    private static SharedSyllabus Shared(string id) => new(id, true, SyllabusRoutes.Get(id));
}
