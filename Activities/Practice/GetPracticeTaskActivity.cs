using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Runs;
using DurableLessons.Shared.Storage;
using Microsoft.DurableTask;

namespace DurableLessons.Activities.Practice;

/// <summary>What the learner sees of the next task: prompt and choices, never its answer key.</summary>
[DurableTask(PracticeNames.GetPracticeTask)]
public sealed class GetPracticeTaskActivity(ActivityCancellation cancellation, ILessonStore lessons)
    : TaskActivity<GetPracticeTaskInput, PracticeTaskView>
{
    public override async Task<PracticeTaskView> RunAsync(TaskActivityContext context, GetPracticeTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (_, tasks) = await PracticeLessons.LoadAsync(lessons, input.Lesson, cancellation.Token);
        return PracticeLessons.Find(tasks, input.TaskId).View(0);
    }
}
