using DurableLessons.Activities.Authoring;
using DurableLessons.Shared.Lessons;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The writing chain's activities, one LLM step each.</summary>
public sealed class AuthoringActivityFunctions(IServiceProvider services)
{
    [Function(LessonActivityNames.WriteOutline)]
    public Task<AuthorStepOutput> WriteOutline(
        [ActivityTrigger] AuthorStepInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<WriteOutlineActivity, AuthorStepInput, AuthorStepOutput>(services, input, instanceId, cancellationToken);

    [Function(LessonActivityNames.WriteSections)]
    public Task<AuthorStepOutput> WriteSections(
        [ActivityTrigger] AuthorStepInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<WriteSectionsActivity, AuthorStepInput, AuthorStepOutput>(services, input, instanceId, cancellationToken);

    [Function(LessonActivityNames.WriteExercises)]
    public Task<AuthorStepOutput> WriteExercises(
        [ActivityTrigger] AuthorStepInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<WriteExercisesActivity, AuthorStepInput, AuthorStepOutput>(services, input, instanceId, cancellationToken);

    [Function(LessonActivityNames.WriteQuiz)]
    public Task<AuthorStepOutput> WriteQuiz(
        [ActivityTrigger] AuthorStepInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<WriteQuizActivity, AuthorStepInput, AuthorStepOutput>(services, input, instanceId, cancellationToken);

    [Function(LessonActivityNames.ReviewLesson)]
    public Task<AuthorStepOutput> ReviewLesson(
        [ActivityTrigger] AuthorStepInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<ReviewLessonActivity, AuthorStepInput, AuthorStepOutput>(services, input, instanceId, cancellationToken);
}
