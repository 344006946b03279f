using DurableLessons.Activities.Research;
using DurableLessons.Shared.Lessons;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The research activities: one source, then the merge.</summary>
public static class ResearchActivityFunctions
{
    [Function(LessonActivityNames.ResearchSource)]
    public static Task<ResearchSourceReport> ResearchSource([ActivityTrigger] ResearchSourceInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<ResearchSourceActivity, ResearchSourceInput, ResearchSourceReport>(context, input);

    [Function(LessonActivityNames.MergeResearch)]
    public static Task<MergeResearchOutput> MergeResearch([ActivityTrigger] MergeResearchInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<MergeResearchActivity, MergeResearchInput, MergeResearchOutput>(context, input);
}
