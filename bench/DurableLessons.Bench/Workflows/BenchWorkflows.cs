using Microsoft.DurableTask;

namespace DurableLessons.Bench.Workflows;

internal static class BenchWorkflows
{
    /// <summary>The bench's tasks, added through the same hook the hosts use for theirs.</summary>
    public static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestrator<FanOutOrchestration>().AddActivity<NoOpActivity>();
}
