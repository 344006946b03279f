using DurableLessons.Activities.Regeneration;
using DurableLessons.Shared.Syllabi;
using Microsoft.Azure.Functions.Worker;
using DurableLessons.Shared.Regeneration;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The regeneration activities.</summary>
public static class RegenerationActivityFunctions
{
    [Function(RegenerationNames.FindStaleLessons)]
    public static Task<IReadOnlyList<LessonRef>> FindStaleLessons([ActivityTrigger] FindStaleLessonsInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<FindStaleLessonsActivity, FindStaleLessonsInput, IReadOnlyList<LessonRef>>(context, input);
}
