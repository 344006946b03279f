using DurableLessons.Activities.Research;
using DurableLessons.Shared.Lessons;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The research activities. <c>instanceId</c> is the activity trigger's binding data: the calling orchestration.</summary>
public sealed class ResearchActivityFunctions(IServiceProvider services)
{
    [Function(LessonActivityNames.ResearchSource)]
    public Task<ResearchSourceReport> ResearchSource(
        [ActivityTrigger] ResearchSourceInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<ResearchSourceActivity, ResearchSourceInput, ResearchSourceReport>(services, input, instanceId, cancellationToken);

    [Function(LessonActivityNames.MergeResearch)]
    public Task<MergeResearchOutput> MergeResearch(
        [ActivityTrigger] MergeResearchInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<MergeResearchActivity, MergeResearchInput, MergeResearchOutput>(services, input, instanceId, cancellationToken);
}
