using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Syllabi;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Orchestrations.Syllabi;

/// <summary>
/// Plans a syllabus: light research (fewer notes per source, a smaller token budget) fanned out and merged with the
/// lesson activities, one syllabus step, then a save with every lesson pending. No lesson content is written here.
/// A <see cref="RunDeadline"/> bounds the run, as for lessons.
/// </summary>
[DurableTask(SyllabusOrchestrationNames.SyllabusGeneration)]
public sealed class SyllabusGeneration : TaskOrchestrator<SyllabusRunInput, SyllabusRunResult>
{
    public override async Task<SyllabusRunResult> RunAsync(TaskOrchestrationContext context, SyllabusRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input = RunInputRules.Require(input, SyllabusOrchestrationNames.SyllabusGeneration, "syllabusId, topic and level").Validated();

        var logger = context.CreateReplaySafeLogger<SyllabusGeneration>();
        var runId = context.NewGuid().ToString("N");
        logger.LogInformation("Syllabus run {RunId} for {Topic} ({Level}) started", runId, input.Topic, input.Level.ToWire());

        using var deadline = new RunDeadline(context, input.RunTimeoutSeconds, "Syllabi:RunTimeoutSeconds");
        return await deadline.RaceAsync(ExecuteAsync(context, input, runId, deadline), reason => $"The syllabus run {reason}.");
    }

    private static async Task<SyllabusRunResult> ExecuteAsync(TaskOrchestrationContext context, SyllabusRunInput input, string runId, RunDeadline deadline)
    {
        var level = input.Level.ToWire();
        context.SetCustomStatus(new { stage = "research", message = $"Researching {input.ResearchSources.Count} source(s)." });
        var query = new ResearchQuery(input.Topic, input.Goals is { Length: > 0 } goals ? $"{input.Topic} {goals}" : input.Topic, level, input.Language, input.MaxNotesPerSource);
        var reports = await Task.WhenAll(input.ResearchSources.Select(source => context.ResearchSourceAsync(deadline, new ResearchSourceInput(runId, source, query))));

        deadline.ThrowIfPassed();
        var merged = await context.CallStepAsync<MergeResearchOutput>(
            deadline,
            LessonActivityNames.MergeResearch,
            new MergeResearchInput(runId, reports.OrderBy(r => r.Source, StringComparer.Ordinal).ToList(), input.NoteTokenBudget));
        if (merged.NoteCount == 0)
        {
            var why = string.Join("; ", reports.Select(r => $"{r.Source}: {r.Error ?? "no matching notes"}"));
            throw new InvalidOperationException($"No research notes were found for the topic '{input.Topic}', so there is nothing to plan a syllabus from ({why}).");
        }

        deadline.ThrowIfPassed();
        context.SetCustomStatus(new { stage = "planning", message = $"Planning modules and lessons from {merged.NoteCount} notes." });
        var brief = new SyllabusBrief(input.Topic, level, input.Goals, input.Language);
        var plan = await context.CallStepAsync<AuthorStepOutput>(
            deadline,
            SyllabusActivityNames.WriteSyllabus, new WriteSyllabusInput(runId, brief, merged.Pack));

        deadline.Disarm();
        context.SetCustomStatus(new { stage = "saving", message = "Saving the syllabus." });
        var saved = await context.CallActivityAsync<SaveSyllabusOutput>(
            SyllabusActivityNames.SaveSyllabus,
            new SaveSyllabusInput(input.SyllabusId, input.Topic, input.Level, input.Goals, input.Language, plan.Result, plan.Generator),
            StepRetries.Storage());
        await context.CallActivityAsync(LessonActivityNames.DeleteRunArtifacts, runId, StepRetries.Storage());

        context.SetCustomStatus(new { stage = "completed", message = $"Saved {saved.LessonCount} lessons in {saved.ModuleCount} modules." });
        return new SyllabusRunResult(saved.Id, input.Topic, level, SyllabusRoutes.Get(saved.Id), saved.ModuleCount, saved.LessonCount, plan.Generator, plan.Usage);
    }
}
