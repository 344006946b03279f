using DurableLessons.Activities.Practice;
using DurableLessons.Shared.Practice;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The practice session activities.</summary>
public static class PracticeActivityFunctions
{
    [Function(PracticeNames.OpenPracticeSession)]
    public static Task<PracticeOpened> OpenPracticeSession([ActivityTrigger] OpenPracticeSessionInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<OpenPracticeSessionActivity, OpenPracticeSessionInput, PracticeOpened>(context, input);

    [Function(PracticeNames.GetPracticeTask)]
    public static Task<PracticeTaskView> GetPracticeTask([ActivityTrigger] GetPracticeTaskInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<GetPracticeTaskActivity, GetPracticeTaskInput, PracticeTaskView>(context, input);

    [Function(PracticeNames.GradePracticeAnswer)]
    public static Task<PracticeTurn> GradePracticeAnswer([ActivityTrigger] GradePracticeAnswerInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<GradePracticeAnswerActivity, GradePracticeAnswerInput, PracticeTurn>(context, input);

    [Function(PracticeNames.AnswerPracticeQuestion)]
    public static Task<PracticeTurn> AnswerPracticeQuestion([ActivityTrigger] AnswerPracticeQuestionInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<AnswerPracticeQuestionActivity, AnswerPracticeQuestionInput, PracticeTurn>(context, input);

    [Function(PracticeNames.SavePracticeSummary)]
    public static Task<bool> SavePracticeSummary([ActivityTrigger] PracticeSummary input, FunctionContext context) =>
        ActivityInvocation.RunAsync<SavePracticeSummaryActivity, PracticeSummary, bool>(context, input);

    [Function(PracticeNames.ReadPracticeInbox)]
    public static Task<List<PracticeMessage>> ReadPracticeInbox([ActivityTrigger] string input, FunctionContext context) =>
        ActivityInvocation.RunAsync<ReadPracticeInboxActivity, string, List<PracticeMessage>>(context, input);
}
