using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Syllabi;

/// <summary>The syllabus step: plans modules of lesson skeletons from the merged notes and stores the plan as "{runId}/syllabus".</summary>
[DurableTask(SyllabusActivityNames.WriteSyllabus)]
public sealed class WriteSyllabusActivity(
    ActivityCancellation cancellation,
    ISyllabusAuthor author, IArtifactStore artifacts, ILogger<WriteSyllabusActivity> logger)
    : TaskActivity<WriteSyllabusInput, AuthorStepOutput>
{
    public override async Task<AuthorStepOutput> RunAsync(TaskActivityContext context, WriteSyllabusInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var research = await artifacts.GetJsonAsync<ResearchPack>(input.Research, cancellation.Token);
        var result = await author.PlanAsync(input.Brief, research, cancellation.Token);
        var reference = ArtifactRef.For(input.RunId, "syllabus");
        await artifacts.PutJsonAsync(reference, result.Value, cancellation.Token);
        logger.LogInformation(
            "Syllabus plan of run {RunId} written by {Generator}: {ModuleCount} modules, {LessonCount} lessons",
            input.RunId, result.Generator, result.Value.Modules.Count, result.Value.Modules.Sum(m => m.Lessons.Count));
        return new AuthorStepOutput(reference, result.Usage, result.Generator);
    }
}
