using DurableLessons.Activities.Syllabi;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The syllabus activities. <c>instanceId</c> is the activity trigger's binding data: the calling orchestration.</summary>
public sealed class SyllabusActivityFunctions(IServiceProvider services)
{
    [Function(SyllabusActivityNames.WriteSyllabus)]
    public Task<AuthorStepOutput> WriteSyllabus(
        [ActivityTrigger] WriteSyllabusInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<WriteSyllabusActivity, WriteSyllabusInput, AuthorStepOutput>(services, input, instanceId, cancellationToken);

    [Function(SyllabusActivityNames.SaveSyllabus)]
    public Task<SaveSyllabusOutput> SaveSyllabus(
        [ActivityTrigger] SaveSyllabusInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<SaveSyllabusActivity, SaveSyllabusInput, SaveSyllabusOutput>(services, input, instanceId, cancellationToken);
}
