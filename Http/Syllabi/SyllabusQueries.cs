using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using DurableLessons.Application.Syllabi;

namespace DurableLessons.Http.Syllabi;

/// <summary>Reads a syllabus with each lesson's current state.</summary>
public sealed class SyllabusQueries(SyllabusLookup lookup, LessonStateReader states)
{
    public async Task<Results<Ok<SyllabusView>, ProblemHttpResult>> GetAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (syllabus, problem) = await lookup.FindAsync(request, id);
        return syllabus is null ? problem! : TypedResults.Ok(await states.ReadAsync(client, syllabus, request.HttpContext.RequestAborted));
    }
}
