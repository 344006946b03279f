using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Authoring;

[DurableTask(LessonActivityNames.WriteQuiz)]
public sealed class WriteQuizActivity(
    ILessonAuthor author, IArtifactStore artifacts, ActivityCancellation cancellation, LessonTelemetry telemetry, ILogger<WriteQuizActivity> logger)
    : AuthorStepActivity<IReadOnlyList<QuizQuestion>>(artifacts, cancellation, telemetry, logger)
{
    protected override string StepName => "quiz";

    protected override async Task<AuthorResult<IReadOnlyList<QuizQuestion>>> WriteAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        await author.WriteQuizAsync(
            input.Brief,
            await OutlineAsync(input, cancellationToken),
            await SectionsAsync(input, cancellationToken),
            cancellationToken);
}
