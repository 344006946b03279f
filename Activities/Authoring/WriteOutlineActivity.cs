using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Authoring;

[DurableTask(LessonActivityNames.WriteOutline)]
public sealed class WriteOutlineActivity(
    ILessonAuthor author, IArtifactStore artifacts, ActivityCancellation cancellation, LessonTelemetry telemetry, ILogger<WriteOutlineActivity> logger)
    : AuthorStepActivity<LessonOutline>(artifacts, cancellation, telemetry, logger)
{
    protected override string StepName => "outline";

    protected override async Task<AuthorResult<LessonOutline>> WriteAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        await author.OutlineAsync(input.Brief, await ResearchAsync(input, cancellationToken), cancellationToken);
}
