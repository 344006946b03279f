using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

/// <summary>Embedded only: what a stop does to running activities is the embedded host's behaviour.</summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    private static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivity<Stubborn>()
        .AddActivity<Patient>()
        .AddOrchestrator<CallOne>();

    [Fact]
    public async Task An_activity_still_running_at_the_shutdown_timeout_is_abandoned_and_runs_again_on_the_next_start()
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        string id;
        await using (var first = await TestEngine.StartAsync(
            EngineKind.Embedded,
            Tasks,
            TestServices.With(probe),
            new() { Output = output, DatabasePath = database.DatabasePath, ShutdownTimeout = TimeSpan.FromMilliseconds(300) }))
        {
            id = await first.RunAsync(nameof(CallOne), nameof(Stubborn));
            await first.WaitForAsync(probe.Started.Task, "the activity started");
            await first.StopAsync();
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await first.Client.GetInstanceAsync(id))!.RuntimeStatus);
        }

        await using var second = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output, DatabasePath = database.DatabasePath });
        var result = await second.WaitAsync(id);

        Assert.Equal("finished", result.ReadOutputAs<string>());
        Assert.Equal(2, probe.Executions("Stubborn"));
    }

    [Fact]
    public async Task A_graceful_stop_waits_for_running_activities_and_keeps_their_results()
    {
        using var database = new TempDatabase();
        var probe = new Probe();
        string id;
        await using (var first = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output, DatabasePath = database.DatabasePath }))
        {
            id = await first.RunAsync(nameof(CallOne), nameof(Patient));
            await first.WaitForAsync(probe.Started.Task, "the activity started");
        }

        await using var second = await TestEngine.StartAsync(EngineKind.Embedded, Tasks, TestServices.With(probe), new() { Output = output, DatabasePath = database.DatabasePath });
        var result = await second.WaitAsync(id);

        Assert.Equal("patient", result.ReadOutputAs<string>());
        Assert.Equal(1, probe.Executions("Patient"));
    }
}
