using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Research;

/// <summary>Fan-in: merges, de-duplicates, ranks and trims every source's notes into one pack with citations.</summary>
[DurableTask(LessonActivityNames.MergeResearch)]
public sealed class MergeResearchActivity(
    ActivityCancellation cancellation,
    IResearchMerger merger,
    IArtifactStore artifacts,
    ILogger<MergeResearchActivity> logger) : TaskActivity<MergeResearchInput, MergeResearchOutput>
{
    public override async Task<MergeResearchOutput> RunAsync(TaskActivityContext context, MergeResearchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var outcomes = new List<SourceOutcome>(input.Reports.Count);
        foreach (var report in input.Reports)
        {
            var notes = report.Notes is null
                ? []
                : await artifacts.GetJsonAsync<List<ResearchNote>>(report.Notes, cancellation.Token);
            outcomes.Add(new SourceOutcome(report.Source, notes, report.Error, report.ElapsedMs));
        }

        var pack = merger.Merge(outcomes, input.TokenBudget);
        var reference = ArtifactRef.For(input.RunId, "research");
        await artifacts.PutJsonAsync(reference, pack, cancellation.Token);
        logger.LogInformation(
            "Merged research for run {RunId}: {NoteCount} notes, about {Tokens} tokens",
            input.RunId, pack.Notes.Count, pack.EstimatedTokens);
        return new MergeResearchOutput(reference, pack.Notes.Count, pack.EstimatedTokens);
    }
}
