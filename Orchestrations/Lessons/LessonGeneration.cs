using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Orchestrations.Lessons;

/// <summary>
/// Research fanned out over the enabled sources, fanned in, then the writing chain (outline → sections →
/// exercises and quiz in parallel → review) and a save as a new lesson version. A <see cref="RunDeadline"/> bounds the run.
/// Large content moves between steps by <see cref="ArtifactRef"/>; history only carries references and counts.
/// </summary>
[DurableTask(OrchestrationNames.LessonGeneration)]
public sealed class LessonGeneration : TaskOrchestrator<LessonRunInput, LessonRunResult>
{
    public override async Task<LessonRunResult> RunAsync(TaskOrchestrationContext context, LessonRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input = RunInputRules.Require(input, OrchestrationNames.LessonGeneration, "subject, topic and level").Validated();

        var logger = context.CreateReplaySafeLogger<LessonGeneration>();
        using var deadline = new RunDeadline(context, input.RunTimeoutSeconds, "Lessons:RunTimeoutSeconds");
        var run = new LessonRun(context, input, context.NewGuid().ToString("N"), deadline);
        var key = input.Key;
        var sources = string.Join(",", input.ResearchSources);
        logger.LogInformation("Lesson run {RunId} for {Lesson} started with sources {Sources}", run.RunId, key, sources);

        var result = await deadline.RaceAsync(run.ExecuteAsync(), reason =>
        {
            context.SetCustomStatus(run.Progress("timed-out", 100, $"Gave up after {input.RunTimeoutSeconds} s."));
            return $"The lesson run {reason}; it stopped during '{run.Stage}'.";
        });
        if (result.Grounding == LessonGrounding.None)
        {
            logger.LogWarning("Lesson run {RunId} saved {Lesson} version {Version} without research notes, from the model's own knowledge", run.RunId, key, result.Version);
        }
        else
        {
            logger.LogInformation("Lesson run {RunId} saved {Lesson} version {Version}", run.RunId, key, result.Version);
        }
        return result;
    }

    private sealed class LessonRun(TaskOrchestrationContext context, LessonRunInput input, string runId, RunDeadline deadline)
    {
        private const string UngroundedWarning =
            "No research source knew the topic, so it was written from the model's own knowledge: nothing in it was checked against a source, and it cites nothing.";

        private int _sourcesDone;

        public string RunId { get; } = runId;

        public string Stage { get; private set; } = "starting";

        public async Task<LessonRunResult> ExecuteAsync()
        {
            var brief = new LessonBrief(input.Subject, input.Topic, input.Level.ToWire(), input.Language);

            var reports = await ResearchAsync();
            Report("merging", 45, "Merging, de-duplicating and ranking notes.");
            var merged = await context.CallStepAsync<MergeResearchOutput>(
                deadline,
                LessonActivityNames.MergeResearch, new MergeResearchInput(RunId, reports, input.NoteTokenBudget), input.StorageRetryAttempts);
            var grounded = merged.NoteCount > 0;
            var step = new AuthorStepInput(RunId, brief, merged.Pack);
            AuthorStepOutput outline;
            if (grounded)
            {
                Report("outline", 55, $"Writing the outline from {merged.NoteCount} notes.");
                outline = await WriteAsync(LessonActivityNames.WriteOutline, step);
            }
            else
            {
                var why = string.Join("; ", reports.Select(r => $"{r.Source}: {r.Error ?? "no matching notes"}"));
                Report("outline", 55, $"No research notes were found ({why}): writing from the model's own knowledge, without citations.");
                outline = await WriteUngroundedOutlineAsync(step, why);
            }

            step = step with { Outline = outline.Result };

            Report("sections", 65, "Writing the sections.");
            var sections = await WriteAsync(LessonActivityNames.WriteSections, step);
            step = step with { Sections = sections.Result };

            Report("exercises", 78, "Writing the exercises and the quiz.");
            var exercisesTask = WriteAsync(LessonActivityNames.WriteExercises, step);
            var quizTask = WriteAsync(LessonActivityNames.WriteQuiz, step);
            await Task.WhenAll(exercisesTask, quizTask);
            step = step with { Exercises = exercisesTask.Result.Result, Quiz = quizTask.Result.Result };

            Report("review", 88, "Checking the draft against the notes.");
            var review = await WriteAsync(LessonActivityNames.ReviewLesson, step);

            var steps = new[] { outline, sections, exercisesTask.Result, quizTask.Result, review };
            var usage = steps.Aggregate(ModelUsage.None, (total, s) => total + s.Usage);

            // A fallback can write some steps with another model: the lesson names every one that contributed.
            var generator = string.Join(", ", steps.Select(s => s.Generator).Distinct(StringComparer.Ordinal));
            var skipped = reports.Where(r => r.Error is not null).ToList();

            Report("saving", 95, "Saving a new version.");
            deadline.Disarm();
            var saved = await context.CallActivityAsync<SaveLessonOutput>(
                LessonActivityNames.SaveLesson,
                new SaveLessonInput(RunId, input.Subject, input.Topic, input.Level, review.Result, merged.Pack, usage, generator),
                StepRetries.Storage(input.StorageRetryAttempts));
            await context.CallActivityAsync(LessonActivityNames.DeleteRunArtifacts, RunId, StepRetries.Storage(input.StorageRetryAttempts));

            var completed = skipped.Count == 0
                ? $"Saved version {saved.Version}."
                : $"Saved version {saved.Version}; skipped research source(s): {string.Join(", ", skipped.Select(r => r.Source))}.";
            Report("completed", 100, grounded ? completed : $"{completed} {UngroundedWarning}");
            return new LessonRunResult(
                input.Key.Subject,
                input.Key.Topic,
                input.Level.ToWire(),
                saved.Version,
                saved.Title,
                LessonRoutes.Latest(input.Key),
                saved.Generator,
                usage,
                skipped.Select(r => $"{r.Source}: {r.Error}").ToList(),
                grounded ? LessonGrounding.Notes : LessonGrounding.None);
        }

        /// <summary>
        /// Without notes only a model can write the lesson; the offline author refuses, and the run fails saying so
        /// rather than retrying a refusal that cannot change.
        /// </summary>
        private async Task<AuthorStepOutput> WriteUngroundedOutlineAsync(AuthorStepInput step, string why)
        {
            try
            {
                return await WriteAsync(LessonActivityNames.WriteOutline, step);
            }
            catch (TaskFailedException failure) when (failure.FailureDetails.IsCausedBy<NoNotesToWriteFromException>())
            {
                throw new InvalidOperationException(
                    $"No research notes were found for {input.Key}, so there is nothing to ground a lesson on ({why}). {failure.FailureDetails.ErrorMessage}");
            }
        }

        public LessonProgress Progress(string stage, int percent, string message) =>
            new(stage, percent, message, _sourcesDone, input.ResearchSources.Count);

        private async Task<IReadOnlyList<ResearchSourceReport>> ResearchAsync()
        {
            Report("research", 5, $"Researching {input.ResearchSources.Count} source(s).");
            var query = new ResearchQuery(input.Subject, input.Topic, input.Level.ToWire(), input.Language);
            var pending = input.ResearchSources
                .Select(source => context.ResearchSourceAsync(deadline, new ResearchSourceInput(RunId, source, query), input.StorageRetryAttempts))
                .ToList();
            var reports = new List<ResearchSourceReport>(pending.Count);
            while (pending.Count > 0)
            {
                var finished = await Task.WhenAny(pending);
                pending.Remove(finished);
                var report = await finished;
                reports.Add(report);
                _sourcesDone++;
                var message = report.Error is null
                    ? $"{report.Source}: {report.NoteCount} note(s)."
                    : $"{report.Source} failed and was skipped: {report.Error}";
                Report("research", 5 + (35 * _sourcesDone / input.ResearchSources.Count), message);
            }

            return reports.OrderBy(r => r.Source, StringComparer.Ordinal).ToList();
        }

        private Task<AuthorStepOutput> WriteAsync(string activity, AuthorStepInput step) =>
            context.CallStepAsync<AuthorStepOutput>(deadline, activity, step, input.StorageRetryAttempts);

        private void Report(string stage, int percent, string message)
        {
            deadline.ThrowIfPassed();
            Stage = stage;
            context.SetCustomStatus(Progress(stage, percent, message));
        }
    }
}
