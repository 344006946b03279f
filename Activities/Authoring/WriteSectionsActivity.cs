using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Authoring;

[DurableTask(LessonActivityNames.WriteSections)]
public sealed class WriteSectionsActivity(
    ILessonAuthor author, IArtifactStore artifacts, ActivityCancellation cancellation, LessonTelemetry telemetry, ILogger<WriteSectionsActivity> logger)
    : AuthorStepActivity<IReadOnlyList<LessonSection>>(artifacts, cancellation, telemetry, logger)
{
    protected override string StepName => "sections";

    protected override async Task<AuthorResult<IReadOnlyList<LessonSection>>> WriteAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        await author.WriteSectionsAsync(
            input.Brief,
            await OutlineAsync(input, cancellationToken),
            await ResearchAsync(input, cancellationToken),
            cancellationToken);
}
