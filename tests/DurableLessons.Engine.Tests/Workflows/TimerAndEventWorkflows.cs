namespace DurableLessons.Engine.Tests.Workflows;

public sealed class Sleeper : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        var start = context.CurrentUtcDateTime;
        context.SetCustomStatus("sleeping");
        await context.CreateTimer(TimeSpan.FromMilliseconds(input), CancellationToken.None);
        return context.CurrentUtcDateTime >= start.AddMilliseconds(input) ? "woke after the delay" : "woke early";
    }
}

public sealed class Approval : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus("waiting");
        var decision = await context.WaitForExternalEvent<string>("approve");
        return $"approved: {decision}";
    }
}

/// <summary>Holds on an activity first, so events arrive before any wait; then takes three "item" events.</summary>
public sealed class CollectAfterHold : TaskOrchestrator<string?, List<int>>
{
    public override async Task<List<int>> RunAsync(TaskOrchestrationContext context, string? input)
    {
        await context.CallActivityAsync<string>(nameof(Hold));
        var items = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            items.Add(await context.WaitForExternalEvent<int>("item"));
        }

        return items;
    }
}

public sealed class WaitWithTimeout : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        try
        {
            return await context.WaitForExternalEvent<string>("answer", TimeSpan.FromMilliseconds(input));
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}

/// <summary>Waits for an event or an activity, whichever is first, and cancels the wait if the activity wins.</summary>
public sealed class CancelEventWait : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        using var cancel = new CancellationTokenSource();
        var wait = context.WaitForExternalEvent<string>("late", cancel.Token);
        var work = context.CallActivityAsync<string>(nameof(Greet), "first");
        if (await Task.WhenAny(wait, work) == work)
        {
            // Cancel(), not CancelAsync(): the wait's token callback must run on the orchestrator's thread.
            cancel.Cancel();
            context.SetCustomStatus("cancelled");
        }

        try
        {
            await wait;
            return "event";
        }
        catch (TaskCanceledException)
        {
            // A later wait for the same name gets the next event.
            return $"cancelled, then {await context.WaitForExternalEvent<string>("late")}";
        }
    }
}
