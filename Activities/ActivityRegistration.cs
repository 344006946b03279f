using DurableLessons.Activities.Authoring;
using DurableLessons.Activities.Regeneration;
using DurableLessons.Activities.Research;
using DurableLessons.Activities.Saving;
using DurableLessons.Activities.Syllabi;
using DurableLessons.Shared.Workflow;

namespace DurableLessons.Activities;

public static class ActivityRegistration
{
    /// <summary>Every activity of the product; both hosts register exactly this set.</summary>
    public static WorkflowRegistry AddLessonActivities(this WorkflowRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddActivity<ResearchSourceActivity>()
            .AddActivity<MergeResearchActivity>()
            .AddActivity<WriteOutlineActivity>()
            .AddActivity<WriteSectionsActivity>()
            .AddActivity<WriteExercisesActivity>()
            .AddActivity<WriteQuizActivity>()
            .AddActivity<ReviewLessonActivity>()
            .AddActivity<SaveLessonActivity>()
            .AddActivity<DeleteRunArtifactsActivity>()
            .AddActivity<WriteSyllabusActivity>().AddActivity<SaveSyllabusActivity>()
            .AddActivity<FindStaleLessonsActivity>();
    }
}
