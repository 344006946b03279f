using System.Diagnostics;
using System.Text.Json.Nodes;
using DurableLessons.Hosts.Local.Cli;
using DurableLessons.Testing.Models;
using DurableLessons.Testing.Processes;

namespace DurableLessons.Spa.Tests;

/// <summary>`DurableLessons.Local generate …` run as a child process, as a user runs it.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("durable-lessons-cli-");

    [Fact]
    public async Task Generate_prints_the_lesson_as_Markdown_with_progress_on_stderr_then_as_json_for_the_next_version()
    {
        var markdown = await RunAsync("generate", "english", "phrasal verbs", "--level", "beginner", "--data-dir", _dataDirectory.FullName);

        Assert.True(markdown.ExitCode == 0, $"exit {markdown.ExitCode}: {markdown.Error}");
        var lines = markdown.Output.Split('\n');
        Assert.StartsWith("# ", lines[0], StringComparison.Ordinal);
        Assert.Contains("_english · phrasal verbs · beginner · version 1.0 · offline_", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("## Citations", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("corpus://english/", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("100%", markdown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("100%", markdown.Output, StringComparison.Ordinal);

        var json = await RunAsync("generate", "english", "phrasal verbs", "--level=beginner", "--json", "--data-dir", _dataDirectory.FullName);

        Assert.True(json.ExitCode == 0, $"exit {json.ExitCode}: {json.Error}");
        var version = JsonNode.Parse(json.Output)!.AsObject();
        Assert.Equal("1.1", (string?)version["version"]);
        Assert.Equal(lines[0][2..].Trim(), (string?)version["document"]!["title"]);
        Assert.NotEmpty(version["document"]!["citations"]!.AsArray());
    }

    [Fact]
    public async Task Generate_on_a_topic_no_source_knows_writes_it_with_the_model_and_warns_that_nothing_is_cited()
    {
        await using var model = await FakeLessonModel.StartAsync(seed: 3, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
        var withModel = new Dictionary<string, string>
        {
            ["Llm__Providers__0__Name"] = "fake",
            ["Llm__Providers__0__Endpoint"] = model.Endpoint,
            ["Llm__Providers__0__ApiKey"] = "test-key",
            ["Llm__Providers__0__Model"] = "fake-model",
        };

        var result = await RunWithEnvironmentAsync(
            withModel, "generate", "cooking", "sourdough starters", "--level", "beginner", "--data-dir", _dataDirectory.FullName);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains("warning: written without research notes.", result.Error, StringComparison.Ordinal);
        Assert.Contains("> **Warning:** written without research notes.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("## Citations", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_on_a_topic_no_source_knows_fails_offline_saying_which_setting_would_write_it()
    {
        var result = await RunAsync("generate", "cooking", "sourdough starters", "--level", "beginner", "--data-dir", _dataDirectory.FullName);

        Assert.Equal(LessonCli.RunFailed, result.ExitCode);
        Assert.Contains("No research notes were found for cooking / sourdough starters", result.Error, StringComparison.Ordinal);
        Assert.Contains("Llm:Providers", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("--level is required.", "generate", "english", "verbs")]
    [InlineData("Expected a subject and a topic", "generate", "english", "--level", "beginner")]
    [InlineData("level:", "generate", "english", "verbs", "--level", "wizard")]
    [InlineData("Unknown option '--colour'", "generate", "english", "verbs", "--level", "beginner", "--colour")]
    public async Task Invalid_arguments_exit_with_2_and_the_usage(string reason, params string[] args)
    {
        var result = await RunAsync([.. args, "--data-dir", _dataDirectory.FullName]);

        Assert.Equal(LessonCli.InvalidArguments, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Help_prints_the_usage()
    {
        var result = await RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("generate <subject> <topic> --level <level>", result.Output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), args);

    private static async Task<(int ExitCode, string Output, string Error)> RunWithEnvironmentAsync(
        IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = DotnetProcess.StartInfo(typeof(LessonCli).Assembly.Location, args);
        start.WorkingDirectory = Path.GetTempPath();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The command did not finish: {string.Join(' ', args)}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A child's SQLite files may linger a moment; the temp folder is cleaned by the OS.
        }
    }
}
