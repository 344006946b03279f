using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

/// <summary>
/// Episodes and activities run on the engine's own worker threads, scheduled below request handling
/// (Engine:WorkerNiceness), so a backlog of orchestrations cannot slow starts and status reads down. Embedded only:
/// the worker threads are the embedded engine's.
/// </summary>
public sealed class WorkerThreadTests(ITestOutputHelper output)
{
    private static Action<DurableTaskRegistry> Tasks(Probe probe) => registry => registry
        .AddActivity<ReportThread>()
        .AddOrchestrator(nameof(ReportThreads), () => new ReportThreads(probe));

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    public async Task Orchestrators_and_activities_run_on_worker_threads_at_the_configured_niceness(int niceness)
    {
        var probe = new Probe();
        await using var engine = await TestEngine.StartAsync(
            EngineKind.Embedded,
            Tasks(probe),
            TestServices.With(probe),
            new() { Output = output, Settings = new Dictionary<string, string?> { ["Engine:WorkerNiceness"] = $"{niceness}", ["Engine:WorkerThreads"] = "3" } });
        var requestThreadNice = ThreadReport.Nice();

        var result = await engine.WaitAsync(await engine.RunAsync(nameof(ReportThreads)));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var reports = result.ReadOutputAs<string>()!.Split(';')
            .Concat(probe.Notes.Single().Split(';').Skip(1))
            .ToList();
        Assert.Equal(3, reports.Count);
        foreach (var report in reports)
        {
            var (name, nice) = (report.Split('|')[0], report.Split('|')[1]);
            Assert.StartsWith("Durable engine worker ", name, StringComparison.Ordinal);
            var lowered = OperatingSystem.IsLinux() ? niceness.ToString(System.Globalization.CultureInfo.InvariantCulture) : "lowered";
            Assert.Equal(niceness == 0 ? requestThreadNice : lowered, nice);
        }
    }
}
