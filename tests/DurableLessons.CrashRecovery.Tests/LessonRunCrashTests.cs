using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DurableLessons.CrashRecovery.Tests.Infrastructure;
using DurableLessons.Shared.Lessons;
using DurableLessons.Testing.Engines;
using DurableLessons.Testing.Hosts;
using DurableLessons.Testing.Models;

namespace DurableLessons.CrashRecovery.Tests;

/// <summary>
/// Issue #6 fault (a): the embedded host runs as a child process on one data directory (SQLite journal, SQLite lesson
/// store) and is SIGKILLed at random moments while lesson runs are in flight, then started again. Every run must
/// finish, and each must leave exactly one version: 1.0, 1.1, 1.2, … per lesson, no gap, no double.
/// </summary>
public sealed class LessonRunCrashTests : IDisposable
{
    private static readonly LessonKey[] Lessons =
    [
        new("english", "irregular verbs", LessonLevel.Beginner),
        new("math", "fractions", LessonLevel.Beginner),
        new("science", "photosynthesis", LessonLevel.Intermediate),
    ];

    private readonly ITestOutputHelper _output;
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("durable-lessons-crash-");
    private readonly int _port = FreePort.Find();
    private readonly HttpClient _client;

    public LessonRunCrashTests(ITestOutputHelper output)
    {
        _output = output;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    [Fact]
    public async Task Every_run_survives_random_SIGKILLs_and_saves_exactly_one_version_in_sequence()
    {
        var settings = CrashSoakSettings.FromEnvironment();
        _output.WriteLine($"Seed {settings.Seed}, {settings.Runs} runs, {settings.Kills} kills (replay: CRASH_SOAK_SEED={settings.Seed} CRASH_SOAK_RUNS={settings.Runs} CRASH_SOAK_KILLS={settings.Kills})");
        var random = new Random(settings.Seed);
        var clock = Stopwatch.StartNew();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(300 + (settings.Runs * 5) + (settings.Kills * 30)));

        await using var model = await FakeLessonModel.StartAsync(random.Next(), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(150));
        var hostSettings = HostSettings(model.Endpoint);
        var logPath = Path.Combine(_dataDirectory.FullName, "host.log");
        HostProcess StartHost(int incarnation)
        {
            File.AppendAllText(logPath, $"===== incarnation {incarnation} =====\n");
            return HostProcess.Start(new HostProcessOptions { Port = _port, DataDirectory = _dataDirectory.FullName, LogPath = logPath, Settings = hostSettings });
        }

        var driver = new LessonRunDriver(_client, _client.BaseAddress!, TimeSpan.FromSeconds(120));
        var plan = Lessons.Select((key, i) => (Key: key, Runs: (settings.Runs / Lessons.Length) + (i < settings.Runs % Lessons.Length ? 1 : 0))).ToArray();
        var finished = 0;
        var work = Task.WhenAll(plan.Select(p => Task.Run(
            () => driver.RunSequenceAsync(p.Key, p.Runs, _ => Interlocked.Increment(ref finished), limit.Token), limit.Token)));

        var loop = new CrashLoop(StartHost, () => model.TotalCalls, random, line => _output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s {line} ({Volatile.Read(ref finished)}/{settings.Runs} runs done)"));
        HostProcess? host = null;
        try
        {
            host = await loop.RunAsync(settings.Kills, work, limit.Token);
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var runs = (await work).SelectMany(r => r).ToList();
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{runs.Count} runs completed with {loop.KillsPerformed} kills ({loop.KillsDuringStartup} during start-up) in {clock.Elapsed.TotalSeconds:F1} s; model calls {model.TotalCalls} for a minimum of {runs.Count * FakeLessonModel.Steps.Count}, {model.Abandoned} replies cut off by a kill"));

            Assert.Equal(settings.Kills, loop.KillsPerformed);
            Assert.Equal(settings.Runs, runs.Count);
            foreach (var (key, planned) in plan)
            {
                await AssertOneVersionPerRunAsync(key, planned, runs.Where(r => r.Key == key).OrderBy(r => r.Ordinal).ToList(), model);
            }
        }
        catch
        {
            WriteHostLogTail(logPath);
            throw;
        }
        finally
        {
            // Stops the drivers too when the loop failed before the work was done.
            await limit.CancelAsync();
            host?.Dispose();
        }
    }

    private async Task AssertOneVersionPerRunAsync(LessonKey key, int planned, IReadOnlyList<CompletedRun> runs, FakeLessonModel model)
    {
        var expected = Enumerable.Range(0, planned).Select(minor => $"1.{minor}").ToList();

        // Each run's output named the next version, in the order the runs were started.
        Assert.Equal(expected, runs.Select(r => r.Version).ToList());
        // Each run's journal holds one completed save, whatever was re-executed after a kill.
        Assert.All(runs, r => Assert.Equal(1, r.SaveLessonCompletions));

        // The store lists exactly those versions, each made by the run that reported it.
        var listed = await GetJsonAsync(LessonRoutes.Collection + $"/{Uri.EscapeDataString(key.Subject)}/{Uri.EscapeDataString(key.Topic)}/versions?level={key.Level.ToWire()}");
        var versions = listed["versions"]!.AsArray().Select(v => v!.AsObject()).ToList();
        Assert.Equal(expected, versions.Select(v => (string)v["version"]!).ToList());
        Assert.Equal(runs.Select(r => r.RunId).ToList(), versions.Select(v => (string)v["runId"]!).ToList());
        Assert.Equal(planned, runs.Select(r => r.RunId).Distinct().Count());

        // Each version's content is one review reply of the model, and no two versions share one.
        var reviewTitles = model.ReviewTitlesFor(key);
        foreach (var run in runs)
        {
            var stored = await GetJsonAsync(LessonRoutes.Version(key, run.Version));
            var title = (string)stored["document"]!["title"]!;
            Assert.Equal(run.Title, title);
            Assert.Contains(title, reviewTitles);
        }

        Assert.Equal(planned, runs.Select(r => r.Title).Distinct().Count());

        // At least once: the model saw every step of every run (more often when a kill cut a call short).
        foreach (var step in FakeLessonModel.Steps)
        {
            var calls = model.CallsFor(key, step);
            Assert.True(calls >= planned, $"{key}: the model was asked for {step} {calls} times over {planned} runs");
        }
    }

    private async Task<JsonObject> GetJsonAsync(string relative)
    {
        using var response = await _client.GetAsync(new Uri(relative, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static Dictionary<string, string> HostSettings(string modelEndpoint)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Llm:Providers:0:Name"] = "fake",
            ["Llm:Providers:0:Endpoint"] = modelEndpoint,
            ["Llm:Providers:0:ApiKey"] = "test-key",
            ["Llm:Providers:0:Model"] = "fake-model",
            ["Llm:Providers:0:TimeoutSeconds"] = "30",
            ["Research:Sources:local:Enabled"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var source in new[] { "wikipedia", "stackexchange", "github", "devto", "docs" })
        {
            settings[$"Research:Sources:{source}:Enabled"] = "false";
        }

        return settings;
    }

    private void WriteHostLogTail(string logPath)
    {
        if (File.Exists(logPath))
        {
            _output.WriteLine("----- last lines of the host log -----");
            foreach (var line in File.ReadLines(logPath).TakeLast(80))
            {
                _output.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A killed host's SQLite files may linger a moment; the temp folder is cleaned by the OS.
        }
    }
}
