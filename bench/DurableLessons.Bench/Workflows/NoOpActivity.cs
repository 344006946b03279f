using Microsoft.DurableTask;

namespace DurableLessons.Bench.Workflows;

/// <summary>Returns its input: the cheapest activity there is, so the engine's own cost is what gets measured.</summary>
[DurableTask(Name)]
internal sealed class NoOpActivity : TaskActivity<int, int>
{
    public const string Name = "BenchNoOp";

    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
