using DurableLessons.Http.Links;
using DurableLessons.Http.Security;
using DurableLessons.Http.StatusLinks;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Http.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Syllabi;

/// <summary>Generates a syllabus's lessons: one on demand, or every pending one in a batch.</summary>
public sealed class SyllabusLessonStarter(
    RunStarter runs,
    StarterLinks links,
    SyllabusLookup lookup,
    LessonStateReader states,
    SyllabusRequestValidator validator,
    SyllabusOptions options)
{
    /// <summary>Starts (or joins the running) LessonGeneration of one skeleton: its lesson's singleton run.</summary>
    public async Task<IResult> GenerateLessonAsync(HttpRequest request, DurableTaskClient client, string id, string lessonId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (syllabus, problem) = await lookup.FindAsync(request, id);
        if (syllabus is null)
        {
            return problem!;
        }

        if (SyllabusLookup.FindLesson(syllabus, lessonId, out var skeleton) is { } missing)
        {
            return missing;
        }

        var run = validator.LessonRunFor(syllabus, skeleton!);
        var instanceId = run.Key.RunInstanceId;
        await runs.StartOrJoinAsync(client, OrchestrationNames.LessonGeneration, instanceId, run, cancellationToken);
        return CheckStatusResponse.Accepted(links.Create(request, instanceId));
    }

    /// <summary>Starts (or joins the active) batch that generates every lesson that is pending now.</summary>
    public async Task<IResult> GenerateAllAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (syllabus, problem) = await lookup.FindAsync(request, id);
        if (syllabus is null)
        {
            return problem!;
        }

        var instanceId = SyllabusOrchestrationNames.BatchInstanceId(syllabus.Id);
        if (await RunStarter.ActiveStatusAsync(client, instanceId, cancellationToken) is not null)
        {
            return CheckStatusResponse.Accepted(links.Create(request, instanceId));
        }

        var pending = new List<BatchLesson>();
        foreach (var skeleton in syllabus.Lessons)
        {
            var view = await states.ReadAsync(client, syllabus, skeleton, cancellationToken);
            if (view.State == LessonStates.Pending)
            {
                pending.Add(new BatchLesson(skeleton.Id, skeleton.Title, validator.LessonRunFor(syllabus, skeleton)));
            }
        }

        var input = new SyllabusBatchInput(syllabus.Id, options.BatchConcurrency, pending);
        await runs.StartOrJoinAsync(client, SyllabusOrchestrationNames.SyllabusBatchGeneration, instanceId, input, cancellationToken);
        return CheckStatusResponse.Accepted(links.Create(request, instanceId));
    }
}
