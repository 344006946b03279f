using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Practice;

[DurableTask(PracticeNames.SavePracticeSummary)]
public sealed class SavePracticeSummaryActivity(ActivityCancellation cancellation, IPracticeStore practice, ILogger<SavePracticeSummaryActivity> logger)
    : TaskActivity<PracticeSummary, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, PracticeSummary input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await practice.SaveSummaryAsync(input, cancellation.Token);
        logger.LogInformation("Practice session {SessionId} {State}: {Correct} of {Total} right", input.SessionId, input.State, input.Score.Correct, input.Score.Total);
        return true;
    }
}
