using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Saving;

/// <summary>
/// Assembles the reviewed draft and its citations into a lesson and saves it as a new version. The store is
/// idempotent per run id, so a re-run after a crash returns the version the first attempt created.
/// </summary>
[DurableTask(LessonActivityNames.SaveLesson)]
public sealed class SaveLessonActivity(
    ActivityCancellation cancellation,
    ILessonStore lessons, IArtifactStore artifacts, LessonTelemetry telemetry, ILogger<SaveLessonActivity> logger)
    : TaskActivity<SaveLessonInput, SaveLessonOutput>
{
    public override async Task<SaveLessonOutput> RunAsync(TaskActivityContext context, SaveLessonInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var review = await artifacts.GetJsonAsync<ReviewResult>(input.ReviewedDraft, cancellation.Token);
        var research = await artifacts.GetJsonAsync<ResearchPack>(input.Research, cancellation.Token);
        var document = LessonAssembler.Assemble(review, research, input.Generator, input.Usage);

        var key = new LessonKey(input.Subject, input.Topic, input.Level);
        var saved = await lessons.SaveNewVersionAsync(key, input.RunId, document, cancellation.Token);
        logger.LogInformation("Saved {Lesson} version {Version} from run {RunId}", key, saved.Version, input.RunId);
        telemetry.LessonSaved(document.Grounding);
        return new SaveLessonOutput(saved.Version, saved.Title, saved.Generator);
    }
}
