using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DurableLessons.Engine.Tests;

/// <summary>
/// While the host is serving requests (<see cref="ForegroundRequests"/>), the engine holds its next episode back, at
/// most Engine:YieldToRequestsMilliseconds, so the orchestrations a burst of starts launches do not take the CPU the
/// starts need. Embedded only: the dispatcher is the embedded engine's.
/// </summary>
public sealed class RequestYieldTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HeldFor = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_started_orchestration_waits_while_a_request_is_in_progress_and_runs_when_it_ends()
    {
        await using var engine = await StartAsync(yieldMilliseconds: 10_000);
        var requests = engine.Services.GetRequiredService<ForegroundRequests>();

        requests.Enter();
        var instanceId = await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 1));
        await Task.Delay(HeldFor);
        var held = await engine.Client.GetInstanceAsync(instanceId);
        requests.Exit();

        Assert.Equal(OrchestrationRuntimeStatus.Pending, held!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.WaitAsync(instanceId)).RuntimeStatus);
    }

    [Fact]
    public async Task Requests_that_never_end_hold_each_step_back_only_for_the_configured_time()
    {
        await using var engine = await StartAsync(yieldMilliseconds: 20);
        var requests = engine.Services.GetRequiredService<ForegroundRequests>();

        requests.Enter();
        try
        {
            var instanceId = await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 2));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.WaitAsync(instanceId)).RuntimeStatus);
        }
        finally
        {
            requests.Exit();
        }
    }

    [Fact]
    public async Task After_the_last_request_ends_the_engine_waits_for_the_quiet_period_before_its_next_step()
    {
        // The engine's clock is a manual one: only advancing it past the quiet period lets the held step start.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var engine = await StartAsync(yieldMilliseconds: 10_000, services => services.AddSingleton<TimeProvider>(clock));
        var requests = engine.Services.GetRequiredService<ForegroundRequests>();

        requests.Enter();
        var instanceId = await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 1));
        requests.Exit();
        await Task.Delay(HeldFor);
        var held = await engine.Client.GetInstanceAsync(instanceId);

        clock.Advance(ForegroundRequests.QuietPeriod);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, held!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.WaitAsync(instanceId)).RuntimeStatus);
    }

    private Task<TestEngine> StartAsync(int yieldMilliseconds, Action<IServiceCollection>? services = null) => TestEngine.StartAsync(
        EngineKind.Embedded,
        registry => registry.AddActivity<Greet>().AddOrchestrator<GreetingChain>(),
        collection =>
        {
            TestServices.With(new Probe())(collection);
            services?.Invoke(collection);
        },
        new()
        {
            Output = output,
            Settings = new Dictionary<string, string?> { ["Engine:YieldToRequestsMilliseconds"] = $"{yieldMilliseconds}" },
        });
}
