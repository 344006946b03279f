using System.Xml.Linq;

namespace DurableLessons.Analyzers.Tests;

/// <summary>
/// Orchestrator code is replayed, and on the Durable Task Framework it must resume only on the orchestration's own
/// thread. The SDK's analyzers (DURABLE00xx) check clocks, GUIDs, delays, Task.Run, environment and network I/O; ours
/// (DL0001) checks what they miss, including the CancelAsync that once made every lesson hang on Durable Functions.
/// </summary>
public sealed class OrchestratorRulesTests
{
    [Fact]
    public async Task Every_kind_of_planted_violation_is_reported_on_its_line()
    {
        const string planted = """
            using System.Diagnostics;
            using Microsoft.DurableTask;

            namespace Sample;

            public sealed class Sloppy : TaskOrchestrator<string, string>
            {
                public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
                {
                    var now = DateTime.UtcNow;
                    var id = Guid.NewGuid();
                    await Task.Delay(10);
                    await Task.Run(() => 1);
                    var home = Environment.GetEnvironmentVariable("HOME");
                    using var http = new HttpClient();
                    using var timeout = new CancellationTokenSource();
                    await timeout.CancelAsync();
                    timeout.CancelAfter(10);
                    await context.CallActivityAsync<string>("Step", input).ConfigureAwait(false);
                    var thread = new Thread(() => { });
                    ThreadPool.QueueUserWorkItem(_ => { });
                    var dice = Random.Shared.Next();
                    var watch = Stopwatch.StartNew();
                    var text = File.ReadAllText("notes.txt");
                    await Task.Factory.StartNew(() => 1);
                    return $"{now}{id}{home}{thread}{dice}{watch}{text}";
                }
            }

            [DurableTask("Step")]
            public sealed class Step : TaskActivity<string, string>
            {
                public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
            }
            """;

        var found = (await OrchestratorCompilation.AnalyzeAsync(planted)).Select(d => (d.Line, d.Id)).ToHashSet();

        var expected = new HashSet<(int, string)>
        {
            (10, "DURABLE0001"), (11, "DURABLE0002"), (12, "DURABLE0003"), (13, "DURABLE0004"), (14, "DURABLE0006"), (15, "DURABLE0005"),
            (17, "DL0001"), (18, "DL0001"), (19, "DL0001"), (20, "DL0001"), (21, "DL0001"), (22, "DL0001"), (23, "DL0001"), (24, "DL0001"),
            (25, "DURABLE0004"),
        };
        Assert.True(expected.IsSubsetOf(found), "Not reported: " + string.Join(", ", expected.Except(found)));
        Assert.True(found.IsSubsetOf(expected), "Reported on a line that is fine: " + string.Join(", ", found.Except(expected)));
    }

    [Fact]
    public async Task The_replay_safe_equivalents_pass()
    {
        const string careful = """
            using Microsoft.DurableTask;

            namespace Sample;

            public sealed class Careful : TaskOrchestrator<string, string>
            {
                public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
                {
                    var now = context.CurrentUtcDateTime;
                    var id = context.NewGuid();
                    using var timeout = new CancellationTokenSource();
                    var timer = context.CreateTimer(now.AddMinutes(5), timeout.Token);
                    var step = context.CallActivityAsync<string>("Step", input);
                    if (await Task.WhenAny(step, timer) == step)
                    {
                        timeout.Cancel();
                    }

                    await Task.WhenAll(step);
                    return $"{now}{id}{await step}";
                }
            }

            [DurableTask("Step")]
            public sealed class Step : TaskActivity<string, string>
            {
                public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
            }
            """;

        Assert.Empty(await OrchestratorCompilation.AnalyzeAsync(careful));
    }

    [Fact]
    public void The_orchestrations_project_is_built_with_both_sets_of_rules()
    {
        var project = XDocument.Load(OrchestratorCompilation.OrchestrationsProjectPath);
        var packages = project.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include")).ToList();
        var analyzers = project.Descendants("ProjectReference")
            .Where(e => (string?)e.Attribute("OutputItemType") == "Analyzer")
            .Select(e => (string?)e.Attribute("Include"))
            .ToList();

        Assert.Contains("Microsoft.DurableTask.Analyzers", packages);
        Assert.Contains(analyzers, path => path?.EndsWith("DurableLessons.Analyzers.csproj", StringComparison.Ordinal) == true);
    }
}
