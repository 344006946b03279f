using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableLessons.Hosts.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Spa.Tests;

/// <summary>The real embedded host (Kestrel, engine, SQLite, the SPA) on a free loopback port with its own data directory.</summary>
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

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("durable-lessons-spa-");
        var args = new List<string> { "--urls", "http://127.0.0.1:0", $"--DataDirectory={dataDirectory.FullName}", "--Logging:LogLevel:Default=Warning" };
        args.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"));

        var app = LocalHost.Build([.. args], services);
        await app.StartAsync();
        var address = app.Urls.Single(url => url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) && !url.EndsWith(":0", StringComparison.Ordinal));
        return new RunningHost(app, dataDirectory, new Uri(address + "/"));
    }

    public async Task<JsonObject> PostLessonAsync(string subject, string topic, string level)
    {
        using var response = await Client.PostAsJsonAsync("api/lessons", new { subject, topic, level });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

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
