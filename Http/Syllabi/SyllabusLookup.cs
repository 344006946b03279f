using System.Text.RegularExpressions;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Syllabi;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Syllabi;

/// <summary>Loads the syllabus a route names, or answers 400 (malformed id) or 404 (unknown id).</summary>
public sealed partial class SyllabusLookup(ISyllabusStore store)
{
    public async Task<(SyllabusDocument? Syllabus, IResult? Problem)> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IdPattern().IsMatch(id ?? string.Empty))
        {
            return (null, RequestProblems.Invalid("id", "A syllabus id is 1 to 200 letters, digits, '-' or '~'."));
        }

        var syllabus = await store.GetAsync(id!, cancellationToken);
        return syllabus is null
            ? (null, RequestProblems.NotFound("No such syllabus.", $"There is no syllabus with id '{id}'; POST /api/syllabi to plan one."))
            : (syllabus, null);
    }

    public static IResult? FindLesson(SyllabusDocument syllabus, string lessonId, out LessonSkeleton? skeleton)
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
