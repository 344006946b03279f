using DurableLessons.Activities.Saving;
using DurableLessons.Shared.Lessons;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>Saving a finished lesson and cleaning up the run's intermediate results.</summary>
public sealed class SavingActivityFunctions(IServiceProvider services)
{
    [Function(LessonActivityNames.SaveLesson)]
    public Task<SaveLessonOutput> SaveLesson(
        [ActivityTrigger] SaveLessonInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<SaveLessonActivity, SaveLessonInput, SaveLessonOutput>(services, input, instanceId, cancellationToken);

    /// <summary>The input is the run id whose artifacts are deleted.</summary>
    [Function(LessonActivityNames.DeleteRunArtifacts)]
    public Task<bool> DeleteRunArtifacts(
        [ActivityTrigger] string input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<DeleteRunArtifactsActivity, string, bool>(services, input, instanceId, cancellationToken);
}
