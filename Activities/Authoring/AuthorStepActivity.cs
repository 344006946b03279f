using System.Diagnostics;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Authoring;

/// <summary>
/// One step of the writing chain: loads what the step reads from the artifact store, asks the author, stores the
/// result under "{runId}/{step}" and returns its reference with the usage. Re-running a step overwrites its artifact.
/// </summary>
public abstract class AuthorStepActivity<TResult>(IArtifactStore artifacts, ActivityCancellation cancellation, LessonTelemetry telemetry, ILogger logger) : TaskActivity<AuthorStepInput, AuthorStepOutput>
{
    protected IArtifactStore Artifacts { get; } = artifacts;

    protected abstract string StepName { get; }

    public sealed override async Task<AuthorStepOutput> RunAsync(TaskActivityContext context, AuthorStepInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var started = Stopwatch.GetTimestamp();
        AuthorResult<TResult> result;
        try
        {
            result = await WriteAsync(input, cancellation.Token);
        }
        catch
        {
            telemetry.StepEnded(StepName, Stopwatch.GetElapsedTime(started), succeeded: false);
            throw;
        }

        telemetry.StepEnded(StepName, Stopwatch.GetElapsedTime(started), succeeded: true);
        var reference = ArtifactRef.For(input.RunId, StepName);
        await Artifacts.PutJsonAsync(reference, result.Value, cancellation.Token);
        logger.LogInformation(
            "Step {Step} of run {RunId} written by {Generator} ({Calls} model calls, {Tokens} tokens)",
            StepName, input.RunId, result.Generator, result.Usage.Calls, result.Usage.TotalTokens);
        return new AuthorStepOutput(reference, result.Usage, result.Generator);
    }

    protected abstract Task<AuthorResult<TResult>> WriteAsync(AuthorStepInput input, CancellationToken cancellationToken);

    protected Task<ResearchPack> ResearchAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        Artifacts.GetJsonAsync<ResearchPack>(input.Research, cancellationToken);

    protected Task<LessonOutline> OutlineAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        Artifacts.GetJsonAsync<LessonOutline>(Require(input.Outline, nameof(input.Outline)), cancellationToken);

    protected async Task<IReadOnlyList<LessonSection>> SectionsAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        await Artifacts.GetJsonAsync<List<LessonSection>>(Require(input.Sections, nameof(input.Sections)), cancellationToken);

    protected async Task<IReadOnlyList<Exercise>> ExercisesAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        await Artifacts.GetJsonAsync<List<Exercise>>(Require(input.Exercises, nameof(input.Exercises)), cancellationToken);

    protected async Task<IReadOnlyList<QuizQuestion>> QuizAsync(AuthorStepInput input, CancellationToken cancellationToken) =>
        await Artifacts.GetJsonAsync<List<QuizQuestion>>(Require(input.Quiz, nameof(input.Quiz)), cancellationToken);

    private ArtifactRef Require(ArtifactRef? reference, string name) =>
        reference ?? throw new ArgumentException($"Step {StepName} needs the {name} of an earlier step.", name);
}
