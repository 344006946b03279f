using DurableLessons.Activities.Saving;
using DurableLessons.Shared.Lessons;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>Saving a finished lesson and cleaning up the run's intermediate results.</summary>
public static class SavingActivityFunctions
{
    [Function(LessonActivityNames.SaveLesson)]
    public static Task<SaveLessonOutput> SaveLesson([ActivityTrigger] SaveLessonInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<SaveLessonActivity, SaveLessonInput, SaveLessonOutput>(context, input);

    /// <summary>The input is the run id whose artifacts are deleted.</summary>
    [Function(LessonActivityNames.DeleteRunArtifacts)]
    public static Task<bool> DeleteRunArtifacts([ActivityTrigger] string input, FunctionContext context) =>
        ActivityInvocation.RunAsync<DeleteRunArtifactsActivity, string, bool>(context, input);
}
