using System.Net;
using System.Text.Json.Nodes;
using DurableLessons.Resilience.Tests.Fakes;

namespace DurableLessons.Resilience.Tests;

/// <summary>
/// The embedded host configured with two model providers, each pointing at its own fault-injecting fake server:
/// "primary" (tried first) and "backup". Short provider timeouts and a short Retry-After cap keep the tests quick.
/// </summary>
public sealed class FaultLab : IAsyncDisposable
{
    public const string PrimaryGenerator = "primary/model-a";
    public const string BackupGenerator = "backup/model-b";
    public const string PrimaryApiKey = "sk-primary-4f1c9a7e-secret";
    public const string BackupApiKey = "sk-backup-8d2b6c3f-secret";

    /// <summary>Long enough for a loopback reply on a busy 2-core machine; short enough that a hang costs little.</summary>
    public const int ProviderTimeoutSeconds = 2;

    public const string Subject = "english";
    public const string Topic = "verbs";
    public const string Level = "beginner";

    private FaultLab(FaultyChatServer primary, FaultyChatServer backup, RunningHost host)
    {
        Primary = primary;
        Backup = backup;
        Host = host;
    }

    public FaultyChatServer Primary { get; }

    public FaultyChatServer Backup { get; }

    public RunningHost Host { get; }

    public static async Task<FaultLab> StartAsync(IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var primary = await FaultyChatServer.StartAsync();
        var backup = await FaultyChatServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Llm:MaxRetryAfterSeconds"] = "2",
            ["Llm:Providers:0:Name"] = "primary",
            ["Llm:Providers:0:Endpoint"] = primary.Endpoint,
            ["Llm:Providers:0:ApiKey"] = PrimaryApiKey,
            ["Llm:Providers:0:Model"] = "model-a",
            ["Llm:Providers:0:TimeoutSeconds"] = ProviderTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Llm:Providers:1:Name"] = "backup",
            ["Llm:Providers:1:Endpoint"] = backup.Endpoint,
            ["Llm:Providers:1:ApiKey"] = BackupApiKey,
            ["Llm:Providers:1:Model"] = "model-b",
            ["Llm:Providers:1:TimeoutSeconds"] = ProviderTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var host = await RunningHost.StartAsync(settings);
        return new FaultLab(primary, backup, host);
    }

    /// <summary>Asks for the english/verbs/beginner lesson and returns its status URL.</summary>
    public async Task<Uri> StartLessonAsync()
    {
        using var response = await Host.PostLessonAsync(Subject, Topic, Level);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.Location ?? throw new InvalidOperationException("The lesson start answered without a Location.");
    }

    public Task<JsonObject> WaitAsync(Uri status) => Host.PollUntilDoneAsync(status, TimeSpan.FromSeconds(60));

    /// <summary>The lesson as served, for the version in the run's output.</summary>
    public async Task<JsonObject> LessonAsync(JsonObject completedStatus)
    {
        using var response = await Host.Client.GetAsync(completedStatus["output"]!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RunningHost.ReadObjectAsync(response);
    }

    public async Task<IReadOnlyList<string>> VersionsAsync()
    {
        using var response = await Host.Client.GetAsync($"/api/lessons/{Subject}/{Topic}/versions?level={Level}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versions = (await RunningHost.ReadObjectAsync(response))["versions"]!.AsArray();
        return versions.Select(v => v!["version"]!.GetValue<string>()).ToArray();
    }

    public static string RuntimeStatus(JsonObject status) => status["runtimeStatus"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Primary.DisposeAsync();
        await Backup.DisposeAsync();
    }
}
