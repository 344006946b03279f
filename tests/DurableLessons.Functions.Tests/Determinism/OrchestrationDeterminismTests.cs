using Microsoft.CodeAnalysis;

namespace DurableLessons.Functions.Tests.Determinism;

/// <summary>
/// Orchestrator code is replayed by Durable Functions (and by our engine): it must not read clocks, make GUIDs, sleep,
/// start threads or do I/O. The Durable Task analyzers enforce this in Azure projects; they cannot be restored here,
/// so this guard does the same over every source file in Orchestrations/.
/// </summary>
public sealed class OrchestrationDeterminismTests
{
    private static readonly Lazy<List<MetadataReference>> References = new(LoadReferences);

    [Fact]
    public void Code_in_Orchestrations_uses_no_non_deterministic_API()
    {
        var sources = Directory.EnumerateFiles(RepositoryPaths.Orchestrations, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(path => new SourceFile(Path.GetRelativePath(RepositoryPaths.Root, path), File.ReadAllText(path)))
            .ToList();
        Assert.Contains(sources, source => source.Path.EndsWith("LessonGeneration.cs", StringComparison.Ordinal));

        var result = DeterminismGuard.Scan(sources, References.Value);

        Assert.True(result.CompilationErrors.Count == 0, "Orchestrations/ did not compile for the scan:\n" + string.Join("\n", result.CompilationErrors));
        Assert.True(result.Violations.Count == 0, "Non-deterministic calls in orchestrator code:\n" + string.Join("\n", result.Violations));
    }

    [Fact]
    public void Every_kind_of_planted_violation_is_reported_on_its_line()
    {
        const string planted = """
            using System.Diagnostics;
            using DurableLessons.Shared.Workflow;
            using static System.DateTime;

            namespace Sample;

            public sealed class Sloppy : TaskOrchestrator<string, string>
            {
                public override async Task<string> RunAsync(OrchestrationContext context, string input)
                {
                    var now = DateTime.UtcNow;
                    var local = DateTimeOffset.Now;
                    var today = Today;
                    var id = Guid.NewGuid();
                    Func<Guid> ids = Guid.NewGuid;
                    await Task.Delay(10);
                    await Task.Run(() => 1);
                    Thread.Sleep(1);
                    Random dice = new();
                    using var http = new HttpClient();
                    var text = File.ReadAllText("x");
                    var home = Environment.GetEnvironmentVariable("HOME");
                    var watch = Stopwatch.StartNew();
                    return $"{now}{local}{today}{id}{ids}{dice}{text}{home}{watch}";
                }
            }
            """;

        var result = DeterminismGuard.Scan([new SourceFile("Sloppy.cs", planted)], References.Value);

        Assert.Empty(result.CompilationErrors);
        var reported = result.Violations.Select(v => (v.Line, v.Message[..v.Message.IndexOf(' ', StringComparison.Ordinal)])).ToHashSet();
        Assert.Equal(
            new HashSet<(int, string)>
            {
                (11, "DateTime.UtcNow"), (12, "DateTimeOffset.Now"), (13, "DateTime.Today"), (14, "Guid.NewGuid"), (15, "Guid.NewGuid"),
                (16, "Task.Delay"), (17, "Task.Run"), (18, "Thread"), (19, "Random"), (20, "HttpClient"), (21, "File"),
                (22, "Environment"), (23, "Stopwatch"),
            },
            reported);
    }

    [Fact]
    public void The_replay_safe_equivalents_pass()
    {
        const string careful = """
            using DurableLessons.Shared.Workflow;

            namespace Sample;

            public sealed class Careful : TaskOrchestrator<string, string>
            {
                public override async Task<string> RunAsync(OrchestrationContext context, string input)
                {
                    var deadline = context.CurrentUtcDateTime.AddSeconds(30);
                    var id = context.NewGuid();
                    await context.CreateTimer(TimeSpan.FromSeconds(5), CancellationToken.None);
                    var answer = await context.CallActivityAsync<string>("Ask", input);
                    await Task.WhenAll(context.CallActivityAsync("A"), context.CallActivityAsync("B"));
                    var when = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                    return $"{deadline:O}{id}{answer}{when}{Path.Combine("a", "b")}";
                }
            }
            """;

        var result = DeterminismGuard.Scan([new SourceFile("Careful.cs", careful)], References.Value);

        Assert.Empty(result.CompilationErrors);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void Code_that_does_not_compile_is_reported_instead_of_passing_unchecked()
    {
        var result = DeterminismGuard.Scan([new SourceFile("Broken.cs", "class Broken { void M() { UnknownClock.Now(); } }")], References.Value);

        Assert.Contains(result.CompilationErrors, error => error.Contains("UnknownClock", StringComparison.Ordinal));
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    // Everything the test process can load (the framework, DurableLessons.Shared and their dependencies), except the
    // compiled Orchestrations assembly, whose types the scanned sources define themselves.
    private static List<MetadataReference> LoadReferences()
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !Path.GetFileName(path).Equals("DurableLessons.Orchestrations.dll", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Contains(trusted, path => Path.GetFileName(path) == "DurableLessons.Shared.dll");
        return trusted.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }
}
