using DurableLessons.Application.Lessons;
using DurableLessons.Application.Syllabi;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Syllabi;

/// <summary>Generates a syllabus's lessons: one on demand (its LessonGeneration run), or every pending one in a SyllabusBatchGeneration run.</summary>
public sealed class SyllabusLessonHandlers(
    LessonRunStarter lessonRuns,
    SyllabusBatchStarter batches,
    LessonRunInputs inputs,
    StarterLinks links,
    SyllabusLookup lookup)
{
    /// <summary>Starts (or joins the running) LessonGeneration of one skeleton: its lesson's singleton run.</summary>
    public async Task<Results<CheckStatusAccepted, ProblemHttpResult>> StartLessonRunAsync(HttpRequest request, DurableTaskClient client, string id, string lessonId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (syllabus, problem) = await lookup.FindAsync(request, id);
        if (syllabus is null)
        {
            return problem!;
        }

        if (SyllabusLookup.FindLesson(syllabus, lessonId, out var skeleton) is { } missing)
        {
            return missing;
        }

        var run = await lessonRuns.StartOrJoinAsync(client, inputs.ForSyllabusLesson(syllabus, skeleton!), request.HttpContext.RequestAborted);
        return new CheckStatusAccepted(links.Create(request, run.InstanceId));
    }

    /// <summary>Starts (or joins the active) batch run that generates every lesson that is pending now.</summary>
    public async Task<Results<CheckStatusAccepted, ProblemHttpResult>> StartPendingLessonsBatchAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (syllabus, problem) = await lookup.FindAsync(request, id);
        if (syllabus is null)
        {
            return problem!;
        }

        var run = await batches.StartPendingLessonsAsync(client, syllabus, request.HttpContext.RequestAborted);
        return new CheckStatusAccepted(links.Create(request, run.InstanceId));
    }
}
