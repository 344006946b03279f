using Microsoft.DurableTask;

namespace DurableLessons.AzureStorageEngine.Tests.Infrastructure;

/// <summary>Waits for the <see cref="EventName"/> event and returns its payload.</summary>
public sealed class WaitForSignalOrchestrator : TaskOrchestrator<string?, string>
{
    public const string Name = "WaitForSignal";
    public const string EventName = "Signal";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.WaitForExternalEvent<string>(EventName);
}

/// <summary>Calls <see cref="FlakyActivity"/>, which fails until its <see cref="Outage"/> ends.</summary>
public sealed class FlakyOrchestrator : TaskOrchestrator<string, string>
{
    public const string Name = "Flaky";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(FlakyActivity.Name, input);
}

public sealed class FlakyActivity(Outage outage) : TaskActivity<string, string>
{
    public const string Name = "FlakyActivity";

    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        outage.IsOver ? Task.FromResult($"served {input}") : throw new InvalidOperationException($"{input} is down");
}

/// <summary>What <see cref="FlakyActivity"/> depends on; a test ends the outage.</summary>
public sealed class Outage
{
    private volatile bool _over;

    public bool IsOver => _over;

    public void End() => _over = true;
}

public static class TestWorkflows
{
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<WaitForSignalOrchestrator>(WaitForSignalOrchestrator.Name);
        registry.AddOrchestrator<FlakyOrchestrator>(FlakyOrchestrator.Name);
        registry.AddActivity<FlakyActivity>(FlakyActivity.Name);
    }
}
