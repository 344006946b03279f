using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;

namespace DurableLessons.Engine.CrashHost;

/// <summary>Which process run (1, 2, …) executed a step; journaled inside the result so the test can compare.</summary>
public sealed record StepInput(string Step, int Value);

public sealed record StepResult(string Step, int Value, int Run);

/// <summary>
/// A fan-out of six steps, a short durable timer, then a chain of five steps whose inputs depend on earlier results:
/// a lost or doubled result would change the output.
/// </summary>
public sealed class CrashOrchestration : TaskOrchestrator<int, int>
{
    public const int FanOut = 6;
    public const int Chain = 5;

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var fan = await Task.WhenAll(Enumerable.Range(0, FanOut)
            .Select(i => context.CallActivityAsync<StepResult>(nameof(CrashStep), new StepInput($"fan-{i}", input + i))));
        await context.CreateTimer(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        var total = fan.Sum(r => r.Value);
        for (var k = 0; k < Chain; k++)
        {
            total += (await context.CallActivityAsync<StepResult>(nameof(CrashStep), new StepInput($"chain-{k}", total % 97))).Value;
        }

        return total;
    }
}

/// <summary>Logs every execution, takes a little while, then records its side effect once (keyed by instance + step).</summary>
public sealed class CrashStep(SideEffects effects, RunNumber run, ActivityCancellation cancellation) : TaskActivity<StepInput, StepResult>
{
    public static int Compute(int value) => (value * 2) + 1;

    public override async Task<StepResult> RunAsync(TaskActivityContext context, StepInput input)
    {
        await effects.LogExecutionAsync(context.InstanceId, input.Step, run.Value, cancellation.Token);
        await Task.Delay(Random.Shared.Next(10, 60), cancellation.Token);
        var value = Compute(input.Value);
        await effects.RecordEffectAsync(context.InstanceId, input.Step, value, cancellation.Token);
        return new StepResult(input.Step, value, run.Value);
    }
}

public sealed record RunNumber(int Value);
