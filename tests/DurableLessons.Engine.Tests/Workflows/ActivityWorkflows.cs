using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Shared.Runs;

namespace DurableLessons.Engine.Tests.Workflows;

public sealed class Explode : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        throw new InvalidOperationException($"boom: {input}");
}

/// <summary>Runs for a while, measuring how many activities run at the same time.</summary>
public sealed class SlowWork(Probe probe) : TaskActivity<int, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, int input)
    {
        using (probe.Enter())
        {
            await Task.Delay(40);
            return input;
        }
    }
}

/// <summary>Waits until the test opens the gate.</summary>
public sealed class Hold(Probe probe, ActivityCancellation cancellation) : TaskActivity<string?, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, string? input)
    {
        probe.CountExecution("Hold");
        probe.Started.TrySetResult();
        await probe.Gate.WaitAsync(cancellation.Token);
        return "held";
    }
}

/// <summary>Catches an activity failure and reports what the orchestrator saw.</summary>
public sealed class CatchFailure : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            await context.CallActivityAsync<string>(input, "x");
            return "no failure";
        }
        catch (TaskFailedException failure)
        {
            return $"{failure.TaskName}|{failure.FailureDetails.ErrorType}|{failure.FailureDetails.ErrorMessage}";
        }
    }
}

public sealed class LetFailureEscape : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.CallActivityAsync<string>(nameof(Explode), "escaped");
}

public sealed class SlowFanOut : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input) =>
        (await Task.WhenAll(Enumerable.Range(1, input).Select(i => context.CallActivityAsync<int>(nameof(SlowWork), i)))).Sum();
}

/// <summary>Blocks its worker while it runs the first time, so concurrent episodes can be counted.</summary>
public sealed class BusyOrchestrator(Probe probe) : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        if (!context.IsReplaying)
        {
            using (probe.Enter())
            {
                Thread.Sleep(60);
            }
        }

        return Task.FromResult("done");
    }
}

/// <summary>Races an activity against a long timer, cancels the timer, reports the winner.</summary>
public sealed class RaceActivityAgainstTimer : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(TimeSpan.FromMinutes(10), cancel.Token);
        var work = context.CallActivityAsync<string>(nameof(Greet), "racer");
        var winner = await Task.WhenAny(timer, work);
        // Cancel(), not CancelAsync(): the timer's token callback must run on the orchestrator's thread.
        cancel.Cancel();
        var timerCancelled = false;
        try
        {
            await timer;
        }
        catch (TaskCanceledException)
        {
            timerCancelled = true;
        }

        return winner == work ? $"{await work} (timer cancelled: {timerCancelled})" : "timer";
    }
}

/// <summary>Gives up on a held activity when a short timer fires, and returns without waiting for it.</summary>
public sealed class GiveUpOnHeldActivity : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var work = context.CallActivityAsync<string>(nameof(Hold));
        var deadline = context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
        if (await Task.WhenAny(work, deadline) == deadline)
        {
            context.SetCustomStatus("gave up");
            return "gave up";
        }

        return await work;
    }
}
