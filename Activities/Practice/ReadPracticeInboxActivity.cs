using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;

namespace DurableLessons.Activities.Practice;

/// <summary>The accepted messages of a session that have no turn in its transcript yet, in the order accepted.</summary>
[DurableTask(PracticeNames.ReadPracticeInbox)]
public sealed class ReadPracticeInboxActivity(ActivityCancellation cancellation, IPracticeStore practice)
    : TaskActivity<string, List<PracticeMessage>>
{
    public override async Task<List<PracticeMessage>> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        var handled = (await practice.GetTranscriptAsync(input, cancellation.Token)).Select(turn => turn.MessageId).ToHashSet(StringComparer.Ordinal);
        var messages = await practice.GetMessagesAsync(input, cancellation.Token);
        return messages.Where(message => !handled.Contains(message.MessageId)).ToList();
    }
}
