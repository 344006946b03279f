using DurableLessons.Shared.Practice;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Orchestrations.Tests;

/// <summary>A practice session: messages raised as events, raced against an idle timer, on both engines.</summary>
public sealed class PracticeSessionTests(ITestOutputHelper output)
{
    private static readonly LessonRunInput Verbs = LessonRuns.Input("english", "verbs");

    private sealed class Session(LessonTestEngine lessons, string id, IReadOnlyList<PracticeTask> tasks)
    {
        private int _messages;

        public string Id => id;

        public IReadOnlyList<PracticeTask> Tasks => tasks;

        public IPracticeStore Store => lessons.Engine.Services.GetRequiredService<IPracticeStore>();

        public async Task<string> SendAsync(PracticeMessageKind kind, string? text, string? taskId = null, string? messageId = null)
        {
            messageId ??= $"m{++_messages}";
            var message = new PracticeMessage(messageId, kind, taskId, text);

            // As the HTTP handler does: the inbox, then the event.
            await Store.AddMessageAsync(id, message, CancellationToken.None);
            await lessons.Client.RaiseEventAsync(id, PracticeNames.MessageEvent, message);
            return messageId;
        }

        public async Task<PracticeStatus> WaitForTurnsAsync(int turns) =>
            (await lessons.Engine.WaitUntilAsync(
                id,
                m => m.ReadCustomStatusAs<PracticeStatus>() is { State: PracticeStates.Waiting } s && s.Turns >= turns,
                $"record {turns} turn(s)")).ReadCustomStatusAs<PracticeStatus>()!;

        public Task<IReadOnlyList<PracticeTurn>> TranscriptAsync() => Store.GetTranscriptAsync(id, CancellationToken.None);
    }

    private static async Task<Session> StartAsync(LessonTestEngine lessons, int idleSeconds = 600, int turnsPerExecution = 20)
    {
        (await lessons.RunLessonAsync(Verbs)).AssertCompleted();
        var lesson = (await lessons.Lessons.GetLatestAsync(Verbs.Key, CancellationToken.None))!;
        var id = PracticeNames.SessionId(PracticeNames.AnonymousLearner, Verbs.Key, lesson.Version);
        var input = new PracticeSessionInput("english", "verbs", LessonLevel.Beginner, IdleTimeoutSeconds: idleSeconds, TurnsPerExecution: turnsPerExecution);
        await lessons.Engine.RunAsync(PracticeNames.PracticeSession, input, id);
        await lessons.Engine.WaitUntilAsync(id, m => m.ReadCustomStatusAs<PracticeStatus>()?.State == PracticeStates.Waiting, "wait for the first message");
        return new Session(lessons, id, PracticeTaskList.From(lesson.Document));
    }

    [Theory, BothEngines]
    public async Task A_right_answer_moves_on_a_wrong_one_gets_a_hint_and_the_last_attempt_shows_the_answer(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var session = await StartAsync(lessons);
        var first = session.Tasks[0];
        var second = session.Tasks[1];

        await session.SendAsync(PracticeMessageKind.Answer, first.AnswerKey.ToUpperInvariant() + "!");
        var afterRight = await session.WaitForTurnsAsync(1);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await session.SendAsync(PracticeMessageKind.Answer, "certainly not this", second.Id);
            await session.WaitForTurnsAsync(1 + attempt);
        }

        var status = (await lessons.Client.GetInstanceAsync(session.Id, getInputsAndOutputs: true))!.ReadCustomStatusAs<PracticeStatus>()!;
        var transcript = await session.TranscriptAsync();

        Assert.True(afterRight.LastFeedback!.Correct);
        Assert.Equal(second.Id, afterRight.ActiveTask!.Id);
        Assert.Equal(new PracticeScore(1, 1, session.Tasks.Count), afterRight.Score);
        Assert.Equal(4, transcript.Count);
        Assert.All(transcript.Skip(1), turn => Assert.False(turn.Reply.Correct));
        Assert.NotNull(transcript[1].Reply.Hint);
        Assert.DoesNotContain(second.AnswerKey, transcript[1].Reply.Hint!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(transcript[2].Reply.ShownAnswer);
        Assert.StartsWith(second.AnswerKey, transcript[3].Reply.ShownAnswer, StringComparison.Ordinal);
        Assert.Equal(session.Tasks[2].Id, status.ActiveTask!.Id);
        Assert.Equal(new PracticeScore(1, 2, session.Tasks.Count), status.Score);
    }

    [Theory, BothEngines]
    public async Task A_question_is_answered_from_the_lesson_and_a_repeated_message_id_is_not_graded_again(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var session = await StartAsync(lessons);

        await session.SendAsync(PracticeMessageKind.Question, "When do we use the past tense of a verb?", messageId: "q1");
        await session.SendAsync(PracticeMessageKind.Question, "When do we use the past tense of a verb?", messageId: "q1");
        await session.SendAsync(PracticeMessageKind.Answer, "wrong", messageId: "a1");
        await session.SendAsync(PracticeMessageKind.Answer, "wrong", messageId: "a1");
        var status = await session.WaitForTurnsAsync(2);
        await session.SendAsync(PracticeMessageKind.End, null, messageId: "end");
        var ended = await lessons.Engine.WaitAsync(session.Id);

        var transcript = await session.TranscriptAsync();
        Assert.Equal(["q1", "a1"], transcript.Select(turn => turn.MessageId));
        Assert.Equal(PracticeMessageKind.Question, transcript[0].Kind);
        Assert.NotEmpty(transcript[0].Reply.Citations);
        Assert.Equal(session.Tasks[0].Id, status.ActiveTask!.Id);
        Assert.Equal(1, status.ActiveTask.Attempt);
        ended.AssertCompleted();
        var summary = ended.ReadOutputAs<PracticeSummary>()!;
        Assert.Equal(PracticeStates.Ended, summary.State);
        Assert.Equal(new PracticeScore(0, 0, session.Tasks.Count), summary.Score);
        var saved = await session.Store.GetSummaryAsync(session.Id, CancellationToken.None);
        Assert.Equal((summary.State, summary.Score, summary.EndedAt), (saved!.State, saved.Score, saved.EndedAt));
    }

    [Theory, BothEngines]
    public async Task A_learner_who_walks_away_ends_the_session_as_expired_with_its_summary(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var session = await StartAsync(lessons, idleSeconds: 3);

        var ended = await lessons.Engine.WaitAsync(session.Id);

        ended.AssertCompleted();
        Assert.Equal(PracticeStates.Expired, ended.ReadOutputAs<PracticeSummary>()!.State);
        Assert.Equal(PracticeStates.Expired, ended.ReadCustomStatusAs<PracticeStatus>()!.State);
        Assert.NotNull(await session.Store.GetSummaryAsync(session.Id, CancellationToken.None));
    }

    [Theory, BothEngines]
    public async Task Continuing_as_new_every_two_turns_keeps_the_transcript_whole_and_the_score(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var session = await StartAsync(lessons, turnsPerExecution: 2);

        foreach (var task in session.Tasks.Take(3))
        {
            await session.SendAsync(PracticeMessageKind.Answer, task.AnswerKey, task.Id);
        }

        await session.SendAsync(PracticeMessageKind.Question, "What is a verb?");
        await session.SendAsync(PracticeMessageKind.Question, "What is a verb?");
        var status = await session.WaitForTurnsAsync(5);

        Assert.Equal(5, (await session.TranscriptAsync()).Count);
        Assert.Equal(new PracticeScore(3, 3, session.Tasks.Count), status.Score);
        Assert.Equal(session.Tasks[3].Id, status.ActiveTask!.Id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await lessons.Client.GetInstanceAsync(session.Id))!.RuntimeStatus);
    }

    [Theory, BothEngines]
    public async Task Answering_every_task_right_completes_the_session_with_a_full_score(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var session = await StartAsync(lessons);

        foreach (var task in session.Tasks)
        {
            await session.SendAsync(PracticeMessageKind.Answer, task.AnswerKey, task.Id);
        }

        var ended = await lessons.Engine.WaitAsync(session.Id);

        ended.AssertCompleted();
        var summary = ended.ReadOutputAs<PracticeSummary>()!;
        Assert.Equal(PracticeStates.Completed, summary.State);
        Assert.Equal(session.Tasks.Count, summary.Score.Correct);
        Assert.All(summary.PerTask, task => Assert.Equal(1, task.Attempts));
    }

    [Theory, BothEngines]
    public async Task A_session_on_a_lesson_that_does_not_exist_fails_saying_so(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);

        var id = await lessons.Engine.RunAsync(PracticeNames.PracticeSession, new { subject = "english", topic = "nothing here", level = "beginner" });
        var message = (await lessons.Engine.WaitAsync(id)).AssertFailed();

        Assert.Contains("There is no lesson english / nothing here (beginner) to practise yet", message, StringComparison.Ordinal);
    }
}
