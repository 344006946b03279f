using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Authoring;

[DurableTask(LessonActivityNames.ReviewLesson)]
public sealed class ReviewLessonActivity(
    ILessonAuthor author, IArtifactStore artifacts, ActivityCancellation cancellation, LessonTelemetry telemetry, ILogger<ReviewLessonActivity> logger)
    : AuthorStepActivity<ReviewResult>(artifacts, cancellation, telemetry, logger)
{
    protected override string StepName => "review";

    protected override async Task<AuthorResult<ReviewResult>> WriteAsync(AuthorStepInput input, CancellationToken cancellationToken)
    {
        var draft = new LessonDraft(
            await OutlineAsync(input, cancellationToken),
            await SectionsAsync(input, cancellationToken),
            await ExercisesAsync(input, cancellationToken),
            await QuizAsync(input, cancellationToken));
        return await author.ReviewAsync(input.Brief, draft, await ResearchAsync(input, cancellationToken), cancellationToken);
    }
}
