using Microsoft.DurableTask;

namespace DurableLessons.Bench.Workflows;

/// <summary>Calls <c>width</c> no-op activities at once and returns how many answered.</summary>
[DurableTask(Name)]
internal sealed class FanOutOrchestration : TaskOrchestrator<int, int>
{
    public const string Name = "BenchFanOut";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var calls = new Task<int>[input];
        for (var i = 0; i < input; i++)
        {
            calls[i] = context.CallActivityAsync<int>(NoOpActivity.Name, i);
        }

        var results = await Task.WhenAll(calls);
        return results.Length;
    }
}
