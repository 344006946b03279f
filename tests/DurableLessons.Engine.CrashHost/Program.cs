// The crash test's child process: runs the engine on a database until every test instance is complete.
// Usage: DurableLessons.Engine.CrashHost <database> <effects database> <instance count> <run number>
// It schedules the instances that do not exist yet, prints READY, and prints ALL-COMPLETE before exiting with 0.
// The test kills it (SIGKILL) at random moments and starts it again with the next run number.
using System.Globalization;
using DurableLessons.Engine;
using DurableLessons.Engine.CrashHost;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: <database> <effects database> <instance count> <run number>");
    return 2;
}

var instanceCount = int.Parse(args[2], CultureInfo.InvariantCulture);
var run = new RunNumber(int.Parse(args[3], CultureInfo.InvariantCulture));
var effects = new SideEffects(args[1]);
effects.Create();

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:DatabasePath"] = args[0] });
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(effects);
builder.Services.AddSingleton(run);
builder.Services.AddScoped<ActivityCancellation>();
builder.Services.AddDurableTasks(registry => registry.AddOrchestrator<CrashOrchestration>().AddActivity<CrashStep>());
builder.Services.AddDurableEngine(builder.Configuration);
using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<DurableTaskClient>();
var ids = Enumerable.Range(0, instanceCount).Select(i => $"crash-{i:D2}").ToList();
foreach (var (id, input) in ids.Select((id, i) => (id, i * 10)))
{
    if (await client.GetInstanceAsync(id) is null)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(CrashOrchestration), input, new StartOrchestrationOptions(id));
    }
}

Console.WriteLine("READY");
foreach (var id in ids)
{
    await client.WaitForInstanceCompletionAsync(id);
}

Console.WriteLine("ALL-COMPLETE");
await host.StopAsync();
return 0;
