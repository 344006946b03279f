using DurableLessons.Engine.Tests.Infrastructure;

namespace DurableLessons.Engine.Tests.Workflows;

public sealed record Greeting(string Name, int Times);

public sealed class Greet(Probe probe) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        probe.CountExecution($"Greet:{input}");
        return Task.FromResult($"Hello, {input}!");
    }
}

public sealed class Square(Probe probe) : TaskActivity<int, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, int input)
    {
        using (probe.Enter())
        {
            probe.CountExecution("Square");
            await Task.Yield();
            return input * input;
        }
    }
}

/// <summary>Greets the same name several times in a chain and returns every greeting.</summary>
public sealed class GreetingChain : TaskOrchestrator<Greeting, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, Greeting input)
    {
        var results = new List<string>();
        for (var i = 0; i < input.Times; i++)
        {
            results.Add(await context.CallActivityAsync<string>(nameof(Greet), $"{input.Name}{i}"));
        }

        return results;
    }
}

/// <summary>Squares 1..n in parallel and sums the squares.</summary>
public sealed class SumOfSquares : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var tasks = Enumerable.Range(1, input).Select(i => context.CallActivityAsync<int>(nameof(Square), i)).ToList();
        var squares = await Task.WhenAll(tasks);
        return squares.Sum();
    }
}

public static class BasicTasks
{
    public static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<Greet>()
        .AddActivity<Square>()
        .AddOrchestrator<GreetingChain>()
        .AddOrchestrator<SumOfSquares>();
}
