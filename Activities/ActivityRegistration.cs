using DurableLessons.Activities.Authoring;
using DurableLessons.Activities.Practice;
using DurableLessons.Activities.Regeneration;
using DurableLessons.Activities.Research;
using DurableLessons.Activities.Runs;
using DurableLessons.Activities.Saving;
using DurableLessons.Activities.Syllabi;
using Microsoft.DurableTask;

namespace DurableLessons.Activities;

public static class ActivityRegistration
{
    /// <summary>Every activity of the product; both hosts and both test engines register exactly this set.</summary>
    public static DurableTaskRegistry AddLessonActivities(this DurableTaskRegistry registry)
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
            .AddActivity<FindStaleLessonsActivity>()
            .AddActivity<GetRunStatusActivity>()
            .AddActivity<OpenPracticeSessionActivity>().AddActivity<GetPracticeTaskActivity>()
            .AddActivity<GradePracticeAnswerActivity>().AddActivity<AnswerPracticeQuestionActivity>()
            .AddActivity<SavePracticeSummaryActivity>().AddActivity<ReadPracticeInboxActivity>();
    }
}
