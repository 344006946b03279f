using System.Text.RegularExpressions;
using DurableLessons.Http.Auth;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Practice;

/// <summary>What a client POSTs to /api/practice/{sessionId}/messages.</summary>
[JsonBodyLimit(PracticeMessages.MaxBodyBytes)]
public sealed record PracticeMessageRequest(string? MessageId, string? Kind, string? TaskId, string? Text);

public sealed record PracticeMessageAccepted(string MessageId, bool Accepted);

/// <summary>
/// Hands a learner's message to the session as an external event and answers 202 at once: grading runs in the
/// orchestration, and its reply reaches the transcript and the event stream. A message id the session has seen is
/// acknowledged again and not graded twice. 409 once the session has ended.
/// </summary>
public sealed partial class PracticeMessages(IPracticeStore store, ILessonStore lessons, LearnerResolver learners, ILogger<PracticeMessages> logger)
{
    public const int MaxTextLength = 4_000;
    public const int MaxBodyBytes = 32 * 1024;

    /// <summary>The learner is checked first: without one the answer is 401 whatever the body.</summary>
    public async Task<Results<Accepted<PracticeMessageAccepted>, ProblemHttpResult>> PostAsync(
        JsonBody<PracticeMessageRequest> body, HttpRequest request, DurableTaskClient client, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (learner, denied) = learners.Resolve(request);
        if (learner is null)
        {
            return denied!;
        }

        if (body.Rejection is { } rejection)
        {
            return rejection;
        }

        var (message, errors) = Validate(body.Value);
        if (message is null)
        {
            return RequestProblems.Invalid(errors);
        }

        var session = await PracticeSessions.FindAsync(client, sessionId, learner, cancellationToken);
        if (session is null)
        {
            return PracticeSessions.NotFound(sessionId);
        }

        if (session.IsCompleted)
        {
            return RequestProblems.Conflict(
                "The practice session has ended.",
                $"Session '{sessionId}' is {session.RuntimeStatus}; start a new one with POST /api/lessons/{{subject}}/{{topic}}/practice.");
        }

        if (message.TaskId is { } taskId && await TaskIdsAsync(session, cancellationToken) is { } taskIds && !taskIds.Contains(taskId, StringComparer.Ordinal))
        {
            return RequestProblems.Invalid("taskId", $"The session has no task '{taskId}'; its tasks are {string.Join(", ", taskIds)}.");
        }

        // The inbox first: a message is accepted once it is stored, whatever becomes of the event.
        await store.AddMessageAsync(sessionId, message, cancellationToken);
        await client.RaiseEventAsync(sessionId, PracticeNames.MessageEvent, message, cancellationToken);
        logger.LogInformation("Practice session {SessionId}: accepted {Kind} message {MessageId}", sessionId, message.Kind, message.MessageId);
        return TypedResults.Accepted(PracticeRoutes.SessionPath(sessionId), new PracticeMessageAccepted(message.MessageId, true));
    }

    /// <summary>The session's task ids: from its status once it is open, else from the lesson version it was started on.</summary>
    private async Task<IReadOnlyList<string>?> TaskIdsAsync(OrchestrationMetadata session, CancellationToken cancellationToken)
    {
        if (session.ReadCustomStatusAs<PracticeStatus>() is { } status)
        {
            return status.TaskIds;
        }

        if (session.ReadInputAs<PracticeSessionInput>() is not { Version: { } version } input)
        {
            return null;
        }

        var lesson = await lessons.GetVersionAsync(new LessonKey(input.Subject, input.Topic, input.Level), version, cancellationToken);
        return lesson is null ? null : PracticeTaskList.From(lesson.Document).Select(task => task.Id).ToList();
    }

    private static (PracticeMessage? Message, Dictionary<string, string[]> Errors) Validate(PracticeMessageRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.MessageId is not { } messageId || !MessageIdPattern().IsMatch(messageId))
        {
            errors["messageId"] = ["Required: 1 to 100 letters, digits, '-', '_', '.' or ':' that identify this message (a retry sends the same id)."];
        }

        PracticeMessageKind? kind = body.Kind switch
        {
            "answer" => PracticeMessageKind.Answer,
            "question" => PracticeMessageKind.Question,
            "end" => PracticeMessageKind.End,
            _ => null,
        };
        if (kind is null)
        {
            errors["kind"] = ["Required: 'answer', 'question' or 'end'."];
        }

        var text = body.Text?.Trim();
        if (kind is PracticeMessageKind.Answer or PracticeMessageKind.Question)
        {
            if (string.IsNullOrEmpty(text))
            {
                errors["text"] = ["Required: the answer or the question, 1 to 4,000 characters."];
            }
            else if (text.Length > MaxTextLength)
            {
                errors["text"] = [$"At most {MaxTextLength} characters; this one has {text.Length}."];
            }
            else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                errors["text"] = ["Control characters other than line breaks and tabs are not accepted."];
            }
        }

        if (body.TaskId is { } taskId && (kind != PracticeMessageKind.Answer || !TaskIdPattern().IsMatch(taskId)))
        {
            errors["taskId"] = [kind == PracticeMessageKind.Answer ? "A task id looks like 'exercise-1' or 'quiz-2'." : "Only an answer names a task."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new PracticeMessage(body.MessageId!, kind!.Value, body.TaskId, text), errors);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex MessageIdPattern();

    [GeneratedRegex("^(exercise|quiz)-[0-9]{1,3}$")]
    private static partial Regex TaskIdPattern();
}
