using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableLessons.Testing.Hosts;
using DurableLessons.Testing.Models;

namespace DurableLessons.AzureStorageEngine.Tests.Infrastructure;

/// <summary>
/// Two host processes (A and B) on one task hub and one set of tables, writing lessons with a fake model that takes
/// its time, so runs are in flight long enough to be shared and interrupted.
/// </summary>
internal sealed class TaskHubPair : IAsyncDisposable
{
    private const string ActivityRunLine = "runs in process ";

    private TaskHubPair(FakeLessonModel model, HostProcess a, HostProcess b)
    {
        Model = model;
        A = a;
        B = b;
        ClientA = new HttpClient { BaseAddress = a.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        ClientB = new HttpClient { BaseAddress = b.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public FakeLessonModel Model { get; }

    public HostProcess A { get; }

    public HostProcess B { get; }

    public HttpClient ClientA { get; }

    public HttpClient ClientB { get; }

    public static async Task<TaskHubPair> StartAsync(AzuriteFixture azurite)
    {
        var model = await FakeLessonModel.StartAsync(seed: 15, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(400));
        var settings = TaskHubSettings.Fresh(azurite);
        settings["Llm:Providers:0:Name"] = "fake";
        settings["Llm:Providers:0:Endpoint"] = model.Endpoint;
        settings["Llm:Providers:0:ApiKey"] = "test-key";
        settings["Llm:Providers:0:Model"] = "fake-model";
        settings["Llm:Providers:0:TimeoutSeconds"] = "30";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:DurableLessons.Engine.AzureStorage"] = "Debug";
        settings["Logging:LogLevel:DurableLessons.Application.Runs"] = "Information";
        var options = new HostProcessOptions { Settings = settings, OutputLinesKept = 50_000 };
        var a = HostProcess.Start(options);
        var b = HostProcess.Start(options);
        await Task.WhenAll(a.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), b.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)));
        return new TaskHubPair(model, a, b);
    }

    /// <summary>How many activity executions the process logged.</summary>
    public static int ActivitiesRunBy(HostProcess host) =>
        host.OutputLines.Count(line => line.Contains(ActivityRunLine + host.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>How many runs the process's request handlers started (not joined).</summary>
    public static int RunsStartedBy(HostProcess host) =>
        host.OutputLines.Count(line => line.Contains("Started LessonGeneration run", StringComparison.Ordinal));

    public static async Task<string> PostLessonAsync(HttpClient client, (string Subject, string Topic, string Level) lesson)
    {
        using var response = await client.PostAsJsonAsync("/api/lessons", new { subject = lesson.Subject, topic = lesson.Topic, level = lesson.Level });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await Webhooks.ReadAsync(response))["id"]!.GetValue<string>();
    }

    /// <summary>The versions saved for the lesson, read through <paramref name="client"/>.</summary>
    public static async Task<IReadOnlyList<string>> VersionsAsync(HttpClient client, (string Subject, string Topic, string Level) lesson)
    {
        var versions = await client.GetFromJsonAsync<JsonObject>(
            $"/api/lessons/{Uri.EscapeDataString(lesson.Subject)}/{Uri.EscapeDataString(lesson.Topic)}/versions?level={lesson.Level}");
        return versions!["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        ClientA.Dispose();
        ClientB.Dispose();
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Model.DisposeAsync();
    }
}
