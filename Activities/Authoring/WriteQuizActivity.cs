using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Authoring;

[DurableTask(LessonActivityNames.WriteQuiz)]
public sealed class WriteQuizActivity(
    ILessonAuthor author, IArtifactStore artifacts, ActivityCancellation cancellation, ILogger<WriteQuizActivity> logger)
    : AuthorStepActivity<IReadOnlyList<QuizQuestion>>(artifacts, cancellation, logger)
{
    protected override string StepName => "quiz";

    protected override async Task<AuthorResult<IReadOnlyList<QuizQuestion>>> WriteAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        await author.WriteQuizAsync(
            input.Brief,
            await OutlineAsync(input, cancellationToken),
            await SectionsAsync(input, cancellationToken),
            cancellationToken);
}
