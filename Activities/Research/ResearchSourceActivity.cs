using System.Diagnostics;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Research;

/// <summary>Asks one research source, within that source's timeout, and stores its notes for the merge step.</summary>
[DurableTask(LessonActivityNames.ResearchSource)]
public sealed class ResearchSourceActivity(
    ActivityCancellation cancellation,
    IResearchSourceCatalog catalog,
    IArtifactStore artifacts,
    ILogger<ResearchSourceActivity> logger) : TaskActivity<ResearchSourceInput, ResearchSourceReport>
{
    public override async Task<ResearchSourceReport> RunAsync(TaskActivityContext context, ResearchSourceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var source = catalog.Get(input.Source);
        var timeout = catalog.TimeoutFor(input.Source);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Token);
        deadline.CancelAfter(timeout);

        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<ResearchNote> notes;
        try
        {
            notes = await source.SearchAsync(input.Query, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellation.Token.IsCancellationRequested)
        {
            throw new TimeoutException($"Source '{input.Source}' did not answer within {timeout.TotalSeconds:0.#} s.");
        }

        var reference = ArtifactRef.For(input.RunId, $"source-{input.Source}");
        await artifacts.PutJsonAsync(reference, notes, cancellation.Token);
        logger.LogInformation(
            "Source {Source} returned {NoteCount} notes for run {RunId} in {ElapsedMs} ms",
            input.Source, notes.Count, input.RunId, stopwatch.ElapsedMilliseconds);
        return new ResearchSourceReport(input.Source, notes.Count, null, stopwatch.Elapsed.TotalMilliseconds, reference);
    }
}
