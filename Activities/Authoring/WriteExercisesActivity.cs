using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Authoring;

[DurableTask(LessonActivityNames.WriteExercises)]
public sealed class WriteExercisesActivity(
    ILessonAuthor author, IArtifactStore artifacts, ActivityCancellation cancellation, LessonTelemetry telemetry, ILogger<WriteExercisesActivity> logger)
    : AuthorStepActivity<IReadOnlyList<Exercise>>(artifacts, cancellation, telemetry, logger)
{
    protected override string StepName => "exercises";

    protected override async Task<AuthorResult<IReadOnlyList<Exercise>>> WriteAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        await author.WriteExercisesAsync(
            input.Brief,
            await OutlineAsync(input, cancellationToken),
            await SectionsAsync(input, cancellationToken),
            cancellationToken);
}
