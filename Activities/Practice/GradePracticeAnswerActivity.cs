using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Runs;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Practice;

/// <summary>
/// Grades an answer to the active task and records the turn before the session moves on. A message already in the
/// transcript (this activity re-run after a crash) is not graded again: the stored turn is returned. A wrong answer
/// on the last allowed attempt shows the answer; an answer to a task that is not active is recorded, not graded.
/// </summary>
[DurableTask(PracticeNames.GradePracticeAnswer)]
public sealed class GradePracticeAnswerActivity(
    ActivityCancellation cancellation, ILessonStore lessons, IPracticeStore practice, IPracticeTutor tutor, TimeProvider time,
    LessonTelemetry telemetry, ILogger<GradePracticeAnswerActivity> logger)
    : TaskActivity<GradePracticeAnswerInput, PracticeTurn>
{
    public override async Task<PracticeTurn> RunAsync(TaskActivityContext context, GradePracticeAnswerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await practice.FindTurnAsync(input.SessionId, input.MessageId, cancellation.Token) is { } recorded)
        {
            return recorded;
        }

        var reply = input.TaskId is { } taskId && taskId != input.ActiveTaskId
            ? new PracticeReply(null, $"Task '{taskId}' is not the active task; answer '{input.ActiveTaskId}' first.", null, [], "session")
            : await GradeAsync(input);
        var turn = new PracticeTurn(input.MessageId, PracticeMessageKind.Answer, input.TaskId ?? input.ActiveTaskId, input.Text, reply, time.GetUtcNow());
        var stored = await practice.AppendTurnAsync(input.SessionId, turn, cancellation.Token);
        logger.LogInformation(
            "Practice session {SessionId}: answer {MessageId} to {TaskId} graded {Verdict} by {Generator}",
            input.SessionId, input.MessageId, stored.TaskId, stored.Reply.Correct switch { true => "right", false => "wrong", null => "not graded" }, stored.Reply.Generator);
        telemetry.PracticeTurn("answer", stored.Reply.Correct switch { true => "right", false => "wrong", null => "not_graded" });
        return stored;
    }

    private async Task<PracticeReply> GradeAsync(GradePracticeAnswerInput input)
    {
        var (lesson, tasks) = await PracticeLessons.LoadAsync(lessons, input.Lesson, cancellation.Token);
        var task = PracticeLessons.Find(tasks, input.ActiveTaskId);
        AuthorResult<PracticeGrade> graded;
        try
        {
            graded = await tutor.GradeAsync(task, input.Text, lesson, cancellation.Token);
        }
        catch (ContentFilteredException refused)
        {
            logger.LogWarning("Practice session {SessionId}: answer {MessageId} was refused by the content filter and not graded: {Reason}",
                input.SessionId, input.MessageId, refused.Message);
            return PracticeRefusals.Reply("graded");
        }

        var grade = graded.Value;
        if (grade.Correct || input.Attempt < input.MaxAttempts)
        {
            return new PracticeReply(grade.Correct, grade.Feedback, grade.Correct ? null : grade.Hint, grade.Citations, graded.Generator, grade.Score);
        }

        var shown = task.Explanation is { Length: > 0 } explanation && explanation != task.AnswerKey
            ? $"{task.AnswerKey}. {explanation}"
            : task.AnswerKey;
        return new PracticeReply(
            false, $"{grade.Feedback} That was the last attempt for this task; the answer: {shown}", null, grade.Citations, graded.Generator, grade.Score, shown);
    }
}
