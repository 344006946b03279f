using DurableLessons.Activities.Authoring;
using DurableLessons.Shared.Lessons;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The writing chain's activities, one LLM step each.</summary>
public static class AuthoringActivityFunctions
{
    [Function(LessonActivityNames.WriteOutline)]
    public static Task<AuthorStepOutput> WriteOutline([ActivityTrigger] AuthorStepInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<WriteOutlineActivity, AuthorStepInput, AuthorStepOutput>(context, input);

    [Function(LessonActivityNames.WriteSections)]
    public static Task<AuthorStepOutput> WriteSections([ActivityTrigger] AuthorStepInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<WriteSectionsActivity, AuthorStepInput, AuthorStepOutput>(context, input);

    [Function(LessonActivityNames.WriteExercises)]
    public static Task<AuthorStepOutput> WriteExercises([ActivityTrigger] AuthorStepInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<WriteExercisesActivity, AuthorStepInput, AuthorStepOutput>(context, input);

    [Function(LessonActivityNames.WriteQuiz)]
    public static Task<AuthorStepOutput> WriteQuiz([ActivityTrigger] AuthorStepInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<WriteQuizActivity, AuthorStepInput, AuthorStepOutput>(context, input);

    [Function(LessonActivityNames.ReviewLesson)]
    public static Task<AuthorStepOutput> ReviewLesson([ActivityTrigger] AuthorStepInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<ReviewLessonActivity, AuthorStepInput, AuthorStepOutput>(context, input);
}
