using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Http.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Admin;

/// <summary>
/// Starts RegenerateStaleLessons under its fixed instance id; while one is active, a new start (a schedule tick or a
/// request) starts nothing and answers the active one. The cut-off is fixed at start from the injected clock.
/// </summary>
public sealed class RegenerationStarter(
    RunStarter runs,
    IManagementLinkFactory links,
    IResearchSourceDirectory sources,
    LessonOptions lessonOptions,
    IOptions<RegenerationOptions> options,
    TimeProvider time,
    ILogger<RegenerationStarter> logger)
{
    /// <summary>True when a new regeneration was started, false when one was already active.</summary>
    public async Task<bool> StartAsync(DurableTaskClient client, IReadOnlyList<LessonRef> flagged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flagged);
        if (await RunStarter.ActiveStatusAsync(client, RegenerationNames.InstanceId, cancellationToken) is { } status)
        {
            logger.LogInformation("Regeneration {InstanceId} is still {Status}; not starting another", RegenerationNames.InstanceId, status);
            return false;
        }

        var settings = options.Value;
        var template = new LessonRunInput(
            "template", "template", LessonLevel.Beginner, null, lessonOptions.DefaultLanguage, [.. sources.EnabledSources],
            lessonOptions.RunTimeoutSeconds, lessonOptions.NoteTokenBudget)
        {
            StorageRetryAttempts = lessonOptions.StorageRetryAttempts,
        };
        var input = new RegenerationInput(time.GetUtcNow() - settings.MaxAge, settings.Concurrency, flagged, template);
        var started = await runs.StartOrJoinAsync(client, RegenerationNames.RegenerateStaleLessons, RegenerationNames.InstanceId, input, cancellationToken);
        if (started)
        {
            logger.LogInformation("Started regeneration of lessons older than {StaleBefore} and {FlaggedCount} flagged", input.StaleBefore, flagged.Count);
        }

        return started;
    }

    /// <summary>POST /api/admin/regenerations, optionally with <c>{"lessons":[{subject,topic,level}]}</c> to regenerate whatever their age.</summary>
    public async Task<IResult> StartNowAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<LessonRef> flagged = [];
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, problem) = await JsonRequestReader.ReadAsync<RegenerationRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            var lessons = body!.Lessons ?? [];
            var errors = RegenerationRequestValidator.Validate(lessons);
            if (errors.Count > 0)
            {
                return RequestProblems.Invalid(errors);
            }

            flagged = lessons;
        }

        await StartAsync(client, flagged, request.HttpContext.RequestAborted);
        return CheckStatusResponse.Accepted(links.Create(request, RegenerationNames.InstanceId));
    }
}

public sealed record RegenerationRequest(IReadOnlyList<LessonRef>? Lessons);
