using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using DurableLessons.Shared.Regeneration;

namespace DurableLessons.Activities.Regeneration;

/// <summary>Lists the lessons whose latest version was created before the cut-off.</summary>
[DurableTask(RegenerationNames.FindStaleLessons)]
public sealed class FindStaleLessonsActivity(
    ActivityCancellation cancellation,
    ILessonStore store, ILogger<FindStaleLessonsActivity> logger)
    : TaskActivity<FindStaleLessonsInput, IReadOnlyList<LessonRef>>
{
    public override async Task<IReadOnlyList<LessonRef>> RunAsync(TaskActivityContext context, FindStaleLessonsInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var stale = await store.ListStaleAsync(input.StaleBefore, cancellation.Token);
        logger.LogInformation("{StaleCount} lessons have no version newer than {StaleBefore}", stale.Count, input.StaleBefore);
        return stale.Select(v => new LessonRef(v.Subject, v.Topic, v.Level)).ToList();
    }
}
