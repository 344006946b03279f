using DurableLessons.Activities.Regeneration;
using DurableLessons.Shared.Syllabi;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The regeneration activities.</summary>
public sealed class RegenerationActivityFunctions(IServiceProvider services)
{
    [Function(RegenerationNames.FindStaleLessons)]
    public Task<IReadOnlyList<LessonRef>> FindStaleLessons(
        [ActivityTrigger] FindStaleLessonsInput input, string instanceId, CancellationToken cancellationToken) =>
        ActivityInvocation.RunAsync<FindStaleLessonsActivity, FindStaleLessonsInput, IReadOnlyList<LessonRef>>(services, input, instanceId, cancellationToken);
}
