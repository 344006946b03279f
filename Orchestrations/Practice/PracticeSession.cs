using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Orchestrations.Practice;

/// <summary>
/// A learner practising one lesson version with a tutor: it waits for the learner's next message (an external event)
/// raced against an idle timer, grades answers and answers questions in activities that record each turn before the
/// session moves on, and moves to the next task on a right answer or after the last allowed attempt. A message id it
/// has seen is not graded again. Every <see cref="PracticeSessionInput.TurnsPerExecution"/> turns it continues as new
/// with its state only. It ends when every task is done, the learner ends it, or the learner walks away.
/// </summary>
[DurableTask(PracticeNames.PracticeSession)]
public sealed class PracticeSession : TaskOrchestrator<PracticeSessionInput, PracticeSummary>
{
    private const int RememberedMessageIds = 100;

    public override async Task<PracticeSummary> RunAsync(TaskOrchestrationContext context, PracticeSessionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input = RunInputRules.Require(input, PracticeNames.PracticeSession, "subject, topic and level").Validated();
        var logger = context.CreateReplaySafeLogger<PracticeSession>();
        var sessionId = context.InstanceId;
        var storage = StepRetries.StorageUnlessRefused();

        var state = input.State ?? await OpenAsync(context, sessionId, input, storage);

        // A message raised while the last execution was continuing as new may not reach this one as an event: the
        // inbox has every accepted message, and those not yet handled go first.
        var pending = new Queue<PracticeMessage>(input.State is null
            ? []
            : await context.CallActivityAsync<List<PracticeMessage>>(PracticeNames.ReadPracticeInbox, sessionId, storage));
        var turnsThisExecution = 0;
        while (state.ActiveIndex < state.TaskIds.Count)
        {
            context.SetCustomStatus(Status(PracticeStates.Waiting, state));
            var message = pending.TryDequeue(out var waiting)
                ? waiting
                : await NextMessageAsync(context, TimeSpan.FromSeconds(input.IdleTimeoutSeconds));
            if (message is null)
            {
                logger.LogInformation("Practice session {SessionId} expired after {Seconds} idle seconds", sessionId, input.IdleTimeoutSeconds);
                return await EndAsync(context, sessionId, state, PracticeStates.Expired, storage);
            }

            if (state.RecentMessageIds.Contains(message.MessageId, StringComparer.Ordinal))
            {
                continue;
            }

            state = state with { RecentMessageIds = [.. state.RecentMessageIds.TakeLast(RememberedMessageIds - 1), message.MessageId] };
            if (message.Kind == PracticeMessageKind.End)
            {
                return await EndAsync(context, sessionId, state, PracticeStates.Ended, storage);
            }

            context.SetCustomStatus(Status(PracticeStates.Checking, state));
            state = message.Kind == PracticeMessageKind.Question
                ? await AnswerAsync(context, sessionId, state, message, storage)
                : await GradeAsync(context, sessionId, state, message, input.MaxAttempts, storage);

            if (++turnsThisExecution >= input.TurnsPerExecution && state.ActiveIndex < state.TaskIds.Count)
            {
                // Only the state goes on. Messages that arrived meanwhile are kept for the next execution as events
                // where the backend carries them over, and in the inbox in any case.
                context.ContinueAsNew(input with { State = state }, preserveUnprocessedEvents: true);
                return null!;
            }
        }

        return await EndAsync(context, sessionId, state, PracticeStates.Completed, storage);
    }

    private static async Task<PracticeState> OpenAsync(TaskOrchestrationContext context, string sessionId, PracticeSessionInput input, TaskOptions storage)
    {
        var opened = await context.CallActivityAsync<PracticeOpened>(
            PracticeNames.OpenPracticeSession,
            new OpenPracticeSessionInput(sessionId, input.Subject, input.Topic, input.Level, input.Version),
            storage);
        return new PracticeState(opened.Lesson, opened.TaskIds, 0, opened.FirstTask, [], 0, null, [], context.CurrentUtcDateTime);
    }

    /// <summary>The next message, or null when the idle timer fires first. Both waits end here: nothing stays open.</summary>
    private static async Task<PracticeMessage?> NextMessageAsync(TaskOrchestrationContext context, TimeSpan idle)
    {
        using var cancellation = new CancellationTokenSource();
        var message = context.WaitForExternalEvent<PracticeMessage>(PracticeNames.MessageEvent, cancellation.Token);
        var timeout = context.CreateTimer(idle, cancellation.Token);
        var first = await Task.WhenAny(message, timeout);

        // The synchronous Cancel(): the callbacks of both waits must run here, on the orchestrator's thread.
        cancellation.Cancel();
        return first == message ? await message : null;
    }

    private static async Task<PracticeState> AnswerAsync(
        TaskOrchestrationContext context, string sessionId, PracticeState state, PracticeMessage message, TaskOptions storage)
    {
        var turn = await context.CallActivityAsync<PracticeTurn>(
            PracticeNames.AnswerPracticeQuestion,
            new AnswerPracticeQuestionInput(sessionId, state.Lesson, message.MessageId, message.Text ?? string.Empty),
            storage);
        return state with { Turns = state.Turns + 1, LastFeedback = turn.Reply };
    }

    private static async Task<PracticeState> GradeAsync(
        TaskOrchestrationContext context, string sessionId, PracticeState state, PracticeMessage message, int maxAttempts, TaskOptions storage)
    {
        var active = state.ActiveTask!;
        var turn = await context.CallActivityAsync<PracticeTurn>(
            PracticeNames.GradePracticeAnswer,
            new GradePracticeAnswerInput(
                sessionId, state.Lesson, message.MessageId, active.Id, message.TaskId, message.Text ?? string.Empty, active.Attempt + 1, maxAttempts),
            storage);
        state = state with { Turns = state.Turns + 1, LastFeedback = turn.Reply };
        if (turn.Reply.Correct is not { } correct)
        {
            return state;
        }

        var attempts = active.Attempt + 1;
        if (!correct && turn.Reply.ShownAnswer is null)
        {
            return state with { ActiveTask = active with { Attempt = attempts } };
        }

        var outcome = new PracticeTaskOutcome(active.Id, correct, attempts, AnswerShown: !correct);
        var next = state.ActiveIndex + 1;
        var nextTask = next < state.TaskIds.Count
            ? await context.CallActivityAsync<PracticeTaskView>(PracticeNames.GetPracticeTask, new GetPracticeTaskInput(state.Lesson, state.TaskIds[next]), storage)
            : null;
        return state with { PerTask = [.. state.PerTask, outcome], ActiveIndex = next, ActiveTask = nextTask };
    }

    private static async Task<PracticeSummary> EndAsync(
        TaskOrchestrationContext context, string sessionId, PracticeState state, string end, TaskOptions storage)
    {
        var summary = new PracticeSummary(
            sessionId,
            state.Lesson,
            end,
            state.Score,
            state.PerTask,
            (context.CurrentUtcDateTime - state.StartedAt).TotalSeconds,
            new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
        await context.CallActivityAsync(PracticeNames.SavePracticeSummary, summary, storage);
        context.SetCustomStatus(Status(end, state with { ActiveTask = null }));
        return summary;
    }

    private static PracticeStatus Status(string stateName, PracticeState state) =>
        new(stateName, state.Lesson, state.ActiveTask, state.Score, state.Turns, Shorten(state.LastFeedback), state.TaskIds);

    /// <summary>Durable caps custom status at 16 KB: the status keeps the start of long feedback; the transcript has it all.</summary>
    private static PracticeReply? Shorten(PracticeReply? reply) =>
        reply is { Feedback.Length: > 2_000 } ? reply with { Feedback = reply.Feedback[..2_000] + "…" } : reply;
}
