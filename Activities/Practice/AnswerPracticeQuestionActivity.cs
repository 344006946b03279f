using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Runs;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Practice;

/// <summary>Answers a learner's question from the lesson and records the turn; a message already answered is not answered again.</summary>
[DurableTask(PracticeNames.AnswerPracticeQuestion)]
public sealed class AnswerPracticeQuestionActivity(
    ActivityCancellation cancellation, ILessonStore lessons, IPracticeStore practice, IPracticeTutor tutor, TimeProvider time,
    LessonTelemetry telemetry, ILogger<AnswerPracticeQuestionActivity> logger)
    : TaskActivity<AnswerPracticeQuestionInput, PracticeTurn>
{
    public override async Task<PracticeTurn> RunAsync(TaskActivityContext context, AnswerPracticeQuestionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await practice.FindTurnAsync(input.SessionId, input.MessageId, cancellation.Token) is { } recorded)
        {
            return recorded;
        }

        var (lesson, _) = await PracticeLessons.LoadAsync(lessons, input.Lesson, cancellation.Token);
        PracticeReply reply;
        try
        {
            var answer = await tutor.AnswerAsync(input.Text, lesson, cancellation.Token);
            reply = new PracticeReply(null, answer.Value.Text, null, answer.Value.Citations, answer.Generator);
        }
        catch (ContentFilteredException refused)
        {
            logger.LogWarning("Practice session {SessionId}: question {MessageId} was refused by the content filter and not answered: {Reason}",
                input.SessionId, input.MessageId, refused.Message);
            reply = PracticeRefusals.Reply("answered");
        }

        var stored = await practice.AppendTurnAsync(
            input.SessionId, new PracticeTurn(input.MessageId, PracticeMessageKind.Question, null, input.Text, reply, time.GetUtcNow()), cancellation.Token);
        logger.LogInformation("Practice session {SessionId}: question {MessageId} answered by {Generator} with {CitationCount} citation(s)",
            input.SessionId, input.MessageId, stored.Reply.Generator, stored.Reply.Citations.Count);
        telemetry.PracticeTurn("question", "answered");
        return stored;
    }
}
