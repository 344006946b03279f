using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;

namespace DurableLessons.Engine.Tests;

public sealed class BasicTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(EngineKind.Embedded, "1024")]
    [InlineData(EngineKind.Embedded, "0")]
    [InlineData(EngineKind.DurableTask, null)]
    public async Task A_chain_of_activities_returns_their_typed_results_in_order(EngineKind kind, string? cacheSize)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(
            kind,
            BasicTasks.Register,
            TestServices.With(probe),
            new() { Output = output, Settings = new Dictionary<string, string?> { ["Engine:MaxCachedOrchestrations"] = cacheSize } });

        var id = await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 3));
        var result = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["Hello, Ada0!", "Hello, Ada1!", "Hello, Ada2!"], result.ReadOutputAs<List<string>>());
        Assert.Equal(1, probe.Executions("Greet:Ada1"));
    }

    [Theory, BothEngines]
    public async Task A_fan_out_of_100_activities_sums_every_result(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(kind, BasicTasks.Register, TestServices.With(probe), new() { Output = output });

        var id = await engine.RunAsync(nameof(SumOfSquares), 100);
        var result = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => i * i), result.ReadOutputAs<int>());
        Assert.Equal(100, probe.Executions("Square"));
    }
}
