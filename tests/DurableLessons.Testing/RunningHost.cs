using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableLessons.Hosts.Local;
using DurableLessons.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DurableLessons.Testing;

/// <summary>
/// The real embedded host (Kestrel, engine, SQLite) in this process, on a free loopback port with a fresh temp data
/// directory, its logs captured (<see cref="Logs"/>). Start fails the test loudly.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly bool _ownsDataDirectory;

    private RunningHost(WebApplication app, string dataDirectory, bool ownsDataDirectory, CapturedLogs logs, Uri baseAddress)
    {
        App = app;
        _ownsDataDirectory = ownsDataDirectory;
        DataDirectory = dataDirectory;
        Logs = logs;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    /// <summary>The host's root URL, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public DurableTaskClient Workflows => Services.GetRequiredService<DurableTaskClient>();

    public string DataDirectory { get; }

    /// <summary>Every log entry the host wrote at its configured levels (Warning and up unless the test says otherwise).</summary>
    public CapturedLogs Logs { get; }

    public static Task<RunningHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        StartAsync(new RunningHostOptions { Settings = settings ?? new Dictionary<string, string>(), Services = services });

    public static async Task<RunningHost> StartAsync(RunningHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("durable-lessons-test-").FullName;
        var logs = new CapturedLogs();
        var app = Build(options with { Arguments = ["--urls=http://127.0.0.1:0", .. options.Arguments] }, dataDirectory, logs);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Urls.Single(url => url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) && !url.EndsWith(":0", StringComparison.Ordinal));
        return new RunningHost(app, dataDirectory, options.DataDirectory is null, logs, new Uri(address + "/"));
    }

    /// <summary>Builds, without starting, the host as the tests run it (the caller chooses <c>--urls</c>).</summary>
    public static WebApplication Build(RunningHostOptions options, string dataDirectory, CapturedLogs logs)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] args =
        [
            $"--DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
            .. options.Settings.Select(s => $"--{s.Key}={s.Value}"),
            .. options.Arguments,
        ];
        return LocalHost.Build(args, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            options.Services?.Invoke(services);
        });
    }

    public Task<HttpResponseMessage> PostLessonAsync(string subject, string topic, string level, IReadOnlyList<string>? sources = null) =>
        Client.PostAsJsonAsync("/api/lessons", new { subject, topic, level, sources });

    /// <summary>Follows statusQueryGetUri until the run is no longer 202; fails with the last status if it takes too long.</summary>
    public async Task<JsonObject> PollUntilDoneAsync(Uri statusUri, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Client.GetAsync(statusUri);
            last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The run did not finish in time; last status: {last?.ToJsonString()}");
        return null!;
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
