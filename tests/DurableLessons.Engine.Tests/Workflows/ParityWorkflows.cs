namespace DurableLessons.Engine.Tests.Workflows;

/// <summary>Cancels a timer with <c>CancelAsync</c>: the token callback and what follows the await run on the thread pool.</summary>
public sealed class CancelTimerAsynchronously : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(TimeSpan.FromMinutes(10), cancel.Token);
        await context.CallActivityAsync<string>(nameof(Greet), "first");
        using (cancel.Token.Register(WaitBeforeCancelling))
        {
            await cancel.CancelAsync();
        }

        context.SetCustomStatus("resumed");
        try
        {
            await timer;
        }
        catch (TaskCanceledException)
        {
        }

        return "finished";
    }

    /// <summary>
    /// Registered last, so the pool runs it first: it keeps CancelAsync's task incomplete until the orchestrator has
    /// awaited it, so that the await always resumes on the pool (as it does unless the pool is faster than the code).
    /// </summary>
    internal static void WaitBeforeCancelling() => Thread.Sleep(200);
}

/// <summary>Cancels an event wait with <c>CancelAsync</c>.</summary>
public sealed class CancelEventWaitAsynchronously : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        using var cancel = new CancellationTokenSource();
        var wait = context.WaitForExternalEvent<string>("never", cancel.Token);
        await context.CallActivityAsync<string>(nameof(Greet), "first");
        using (cancel.Token.Register(CancelTimerAsynchronously.WaitBeforeCancelling))
        {
            await cancel.CancelAsync();
        }

        context.SetCustomStatus("resumed");
        try
        {
            await wait;
        }
        catch (TaskCanceledException)
        {
        }

        return "finished";
    }
}

/// <summary>Cancels a timer and an event wait with <c>Cancel()</c> and reports how both tasks ended.</summary>
public sealed class CancelSynchronously : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(TimeSpan.FromMinutes(10), cancel.Token);
        var wait = context.WaitForExternalEvent<string>("never", cancel.Token);
        await context.CallActivityAsync<string>(nameof(Greet), "first");
        cancel.Cancel();
        return $"timer {Outcome(timer)}, wait {Outcome(wait)}, then {await context.CallActivityAsync<string>(nameof(Greet), "second")}";
    }

    private static string Outcome(Task task) => task.IsCanceled ? "cancelled" : task.Status.ToString();
}

/// <summary>Two waits for one event name: the newest gets the first event, the older one the next.</summary>
public sealed class TwoWaitersForOneEvent : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var older = context.WaitForExternalEvent<string>("e");
        var newer = context.WaitForExternalEvent<string>("e");
        context.SetCustomStatus("waiting");
        var first = await Task.WhenAny(older, newer);
        var second = first == older ? newer : older;
        return $"{(first == newer ? "newer" : "older")} got {await first}, {(second == newer ? "newer" : "older")} got {await second}";
    }
}

/// <summary>Awaits a durable task with ConfigureAwait(false), then calls its context again.</summary>
public sealed class AwaitWithoutContext : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var first = await context.CallActivityAsync<string>(nameof(Greet), "first").ConfigureAwait(false);
        return $"{first} {await context.CallActivityAsync<string>(nameof(Greet), "second")}";
    }
}

/// <summary>Retries <see cref="Flaky"/> under a policy whose HandleFailure records what it was given and gives up.</summary>
public sealed class RecordHandledFailure : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var seen = new List<string>();
        var policy = new RetryPolicy(3, TimeSpan.FromMilliseconds(10))
        {
            HandleFailure = failure =>
            {
                seen.Add($"{failure.ErrorType}|{failure.ErrorMessage}");
                return seen.Count < 2;
            },
        };
        try
        {
            await context.CallActivityAsync<string>(nameof(Flaky), new Attempt(input, 10), TaskOptions.FromRetryPolicy(policy));
            return "succeeded";
        }
        catch (TaskFailedException failure)
        {
            return $"{string.Join(" / ", seen.Distinct())} -> {failure.FailureDetails.ErrorType}";
        }
    }
}

/// <summary>Retries <see cref="Flaky"/> with a custom handler that records each RetryContext and stops after two failures.</summary>
public sealed class RecordRetryContext : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var seen = new List<string>();
        var options = TaskOptions.FromRetryHandler(retry =>
        {
            seen.Add($"{retry.LastAttemptNumber}:{retry.LastFailure.ErrorType}|{retry.LastFailure.ErrorMessage}");
            return retry.LastAttemptNumber < 2;
        });
        try
        {
            await context.CallActivityAsync<string>(nameof(Flaky), new Attempt(input, 10), options);
            return "succeeded";
        }
        catch (TaskFailedException)
        {
            return string.Join(" / ", seen.Distinct());
        }
    }
}

public enum Mood
{
    Calm,
    VeryHappy,
}

public sealed record MoodReport(string PersonName, Mood Mood);

/// <summary>Echoes its input with the mood changed, and sets a custom status of the same shape.</summary>
public sealed class EchoMood : TaskOrchestrator<MoodReport, MoodReport>
{
    public override Task<MoodReport> RunAsync(TaskOrchestrationContext context, MoodReport input)
    {
        context.SetCustomStatus(input);
        return Task.FromResult(input with { Mood = Mood.VeryHappy });
    }
}

/// <summary>
/// Cancels a wait for "late", waits for "go" meanwhile, then waits for "late" again and returns what it got.
/// </summary>
public sealed class WaitAgainAfterCancelling : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        using var cancel = new CancellationTokenSource();
        var abandoned = context.WaitForExternalEvent<string>("late", cancel.Token);
        cancel.Cancel();
        context.SetCustomStatus(abandoned.IsCanceled ? "cancelled" : "not cancelled");
        await context.WaitForExternalEvent<string>("go");
        return await context.WaitForExternalEvent<string>("late");
    }
}
