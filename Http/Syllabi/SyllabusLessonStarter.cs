using DurableLessons.Http.Links;
using DurableLessons.Http.Security;
using DurableLessons.Http.StatusLinks;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Syllabi;

/// <summary>Generates a syllabus's lessons: one on demand, or every pending one in a batch.</summary>
public sealed class SyllabusLessonStarter(
    IWorkflowClient client,
    StarterLinks links,
    SyllabusLookup lookup,
    LessonStateReader states,
    SyllabusRequestValidator validator,
    SyllabusOptions options,
    ILogger<SyllabusLessonStarter> logger)
{
    /// <summary>Starts (or joins the running) LessonGeneration of one skeleton: its lesson's singleton run.</summary>
    public async Task<IResult> GenerateLessonAsync(HttpRequest request, string id, string lessonId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (syllabus, problem) = await lookup.FindAsync(id, cancellationToken);
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
        await SyllabusRunStarter.StartOrJoinAsync(client, OrchestrationNames.LessonGeneration, instanceId, run, logger, cancellationToken);
        return CheckStatusResponse.Accepted(links.Create(request, instanceId));
    }

    /// <summary>Starts (or joins the active) batch that generates every lesson that is pending now.</summary>
    public async Task<IResult> GenerateAllAsync(HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (syllabus, problem) = await lookup.FindAsync(id, cancellationToken);
        if (syllabus is null)
        {
            return problem!;
        }

        var instanceId = SyllabusOrchestrationNames.BatchInstanceId(syllabus.Id);
        if (await client.GetInstanceAsync(instanceId, cancellationToken: cancellationToken) is { } active && !active.RuntimeStatus.IsTerminal())
        {
            return CheckStatusResponse.Accepted(links.Create(request, instanceId));
        }

        var pending = new List<BatchLesson>();
        foreach (var skeleton in syllabus.Lessons)
        {
            var view = await states.ReadAsync(syllabus, skeleton, cancellationToken);
            if (view.State == LessonStates.Pending)
            {
                pending.Add(new BatchLesson(skeleton.Id, skeleton.Title, validator.LessonRunFor(syllabus, skeleton)));
            }
        }

        var input = new SyllabusBatchInput(syllabus.Id, options.BatchConcurrency, pending);
        await SyllabusRunStarter.StartOrJoinAsync(client, SyllabusOrchestrationNames.SyllabusBatchGeneration, instanceId, input, logger, cancellationToken);
        return CheckStatusResponse.Accepted(links.Create(request, instanceId));
    }
}
