using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

public sealed class BasicTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("1024")]
    [InlineData("0")]
    public async Task A_chain_of_activities_returns_their_typed_results_in_order(string cacheSize)
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        await using var engine = await EngineHost.StartAsync(
            database,
            BasicTasks.Register,
            s => s.AddSingleton(probe),
            new Dictionary<string, string?> { ["Engine:MaxCachedOrchestrations"] = cacheSize },
            output);

        var id = await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 3));
        var result = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["Hello, Ada0!", "Hello, Ada1!", "Hello, Ada2!"], result.ReadOutputAs<List<string>>());
        Assert.Equal(1, probe.Executions("Greet:Ada1"));
    }

    [Fact]
    public async Task A_fan_out_of_100_activities_sums_every_result()
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        await using var engine = await EngineHost.StartAsync(database, BasicTasks.Register, s => s.AddSingleton(probe), output: output);

        var id = await engine.RunAsync(nameof(SumOfSquares), 100);
        var result = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => i * i), result.ReadOutputAs<int>());
        Assert.Equal(100, probe.Executions("Square"));
    }
}
