using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Syllabi;

/// <summary>Reads a syllabus with each lesson's current state.</summary>
public sealed class SyllabusQueries(SyllabusLookup lookup, LessonStateReader states)
{
    public async Task<IResult> GetAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var (syllabus, problem) = await lookup.FindAsync(id, cancellationToken);
        return syllabus is null ? problem! : Results.Ok(await states.ReadAsync(client, syllabus, cancellationToken));
    }
}
