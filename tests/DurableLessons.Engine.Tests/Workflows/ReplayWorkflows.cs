using DurableLessons.Engine.Tests.Infrastructure;

namespace DurableLessons.Engine.Tests.Workflows;

/// <summary>Notes, at three points, whether it is replaying, its time and a new GUID; returns the GUIDs.</summary>
public sealed class ReplayObserver(Probe probe) : TaskOrchestrator<string?, List<Guid>>
{
    public override async Task<List<Guid>> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var guids = new List<Guid>();
        foreach (var step in new[] { "a", "b", "c" })
        {
            var guid = context.NewGuid();
            guids.Add(guid);
            probe.Note($"{context.InstanceId}|{step}|{context.IsReplaying}|{context.CurrentUtcDateTime:o}|{guid}");
            if (step != "c")
            {
                await context.CallActivityAsync<string>(nameof(Greet), step);
            }
        }

        return guids;
    }
}

/// <summary>Version 1: greets, then waits for "go".</summary>
[DurableTask("Versioned")]
public sealed class VersionedV1 : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var greeting = await context.CallActivityAsync<string>(nameof(Greet), "v1");
        context.SetCustomStatus("waiting");
        await context.WaitForExternalEvent<string>("go");
        return greeting;
    }
}

/// <summary>Version 2 of the same orchestration: squares first, a different call at sequence number 0.</summary>
[DurableTask("Versioned")]
public sealed class VersionedV2 : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var square = await context.CallActivityAsync<int>(nameof(Square), 3);
        await context.WaitForExternalEvent<string>("go");
        return square.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Version 3: the first call is unchanged, but the wait for "go" was removed.</summary>
[DurableTask("Versioned")]
public sealed class VersionedV3 : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var greeting = await context.CallActivityAsync<string>(nameof(Greet), "v1");
        context.SetCustomStatus("waiting");
        return greeting;
    }
}
