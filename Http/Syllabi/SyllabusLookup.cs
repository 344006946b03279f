using System.Text.RegularExpressions;
using DurableLessons.Http.Auth;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Syllabi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DurableLessons.Http.Syllabi;

/// <summary>
/// Loads the syllabus a route names for the learner asking, or answers 401 (sign-in on, no learner), 400 (malformed
/// id) or 404 (unknown id, or another learner's syllabus they did not share: ids do not leak).
/// </summary>
public sealed partial class SyllabusLookup(ISyllabusStore store, ISyllabusOwners owners, LearnerResolver learners)
{
    public async Task<(SyllabusDocument? Syllabus, ProblemHttpResult? Problem)> FindAsync(HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (learner, denied) = learners.Resolve(request);
        if (learner is null)
        {
            return (null, denied);
        }

        if (!IdPattern().IsMatch(id ?? string.Empty))
        {
            return (null, RequestProblems.Invalid("id", "A syllabus id is 1 to 200 letters, digits, '-' or '~'."));
        }

        var owner = await owners.GetAsync(id!, cancellationToken);
        var syllabus = owner is null || CanRead(owner, learner) ? await store.GetAsync(id!, cancellationToken) : null;
        return syllabus is null ? (null, NotFound(id!)) : (syllabus, null);
    }

    /// <summary>Its owner reads a syllabus, and so does everyone once it is shared or when it was planned anonymously.</summary>
    public static bool CanRead(SyllabusOwner owner, Learner learner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(learner);
        return owner.Shared || owner.OwnerKey == PracticeNames.AnonymousLearner || learner.Owns(owner.OwnerKey);
    }

    public static ProblemHttpResult NotFound(string id) =>
        RequestProblems.NotFound("No such syllabus.", $"There is no syllabus with id '{id}'; POST /api/syllabi to plan one.");

    public static bool IsWellFormedId(string? id) => IdPattern().IsMatch(id ?? string.Empty);

    public static ProblemHttpResult? FindLesson(SyllabusDocument syllabus, string lessonId, out LessonSkeleton? skeleton)
    {
        ArgumentNullException.ThrowIfNull(syllabus);
        skeleton = LessonIdPattern().IsMatch(lessonId ?? string.Empty) ? syllabus.FindLesson(lessonId!) : null;
        if (skeleton is not null)
        {
            return null;
        }

        return LessonIdPattern().IsMatch(lessonId ?? string.Empty)
            ? RequestProblems.NotFound("No such lesson.", $"Syllabus '{syllabus.Id}' has no lesson '{lessonId}'.")
            : RequestProblems.Invalid("lessonId", "A lesson id looks like 'm1-l2'.");
    }

    [GeneratedRegex("^[A-Za-z0-9~-]{1,200}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex LessonIdPattern();
}
