using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableLessons.Hosts.Local;
using Xunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Testing;

/// <summary>The real embedded host (Kestrel, engine, SQLite) on a free loopback port with its own data directory.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _dataDirectory;

    private RunningHost(WebApplication app, DirectoryInfo dataDirectory, Uri baseAddress)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The host's root URL, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("durable-lessons-test-");
        var args = new List<string> { "--urls", "http://127.0.0.1:0", $"--DataDirectory={dataDirectory.FullName}", "--Logging:LogLevel:Default=Warning" };
        args.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"));

        var app = LocalHost.Build([.. args], services);
        await app.StartAsync();
        var address = app.Urls.Single(url => url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) && !url.EndsWith(":0", StringComparison.Ordinal));
        return new RunningHost(app, dataDirectory, new Uri(address + "/"));
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
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
