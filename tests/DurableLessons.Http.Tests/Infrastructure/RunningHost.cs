using System.Net.Http.Headers;
using DurableLessons.Hosts.Local;
using DurableLessons.Engine;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Tests.Infrastructure;

/// <summary>
/// The real embedded host (Kestrel, engine, SQLite) on 127.0.0.1 with an OS-chosen free port and a fresh temp data
/// directory, with the test workflows registered. Start fails the test loudly.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string WebhookBase = "/runtime/webhooks/durabletask";
    public const int MaxBodyBytes = 4096;

    private RunningHost(WebApplication app, string dataDirectory, CapturingLoggerProvider logs)
    {
        App = app;
        DataDirectory = dataDirectory;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.Single(url => url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        Client = new HttpClient { BaseAddress = BaseAddress };
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string DataDirectory { get; }

    public CapturingLoggerProvider Logs { get; }

    public FailureSwitch Failures => App.Services.GetRequiredService<FailureSwitch>();

    public DurableTaskClient Workflows => App.Services.GetRequiredService<DurableTaskClient>();

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "durablelessons-http-tests", Guid.NewGuid().ToString("N"));

    public static async Task<RunningHost> StartAsync(params string[] extraArgs)
    {
        var dataDirectory = NewDataDirectory();
        var logs = new CapturingLoggerProvider();
        var app = Build(dataDirectory, logs, ["--urls=http://127.0.0.1:0", .. extraArgs]);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RunningHost(app, dataDirectory, logs);
    }

    /// <summary>Builds (without starting) the host as the tests run it.</summary>
    public static WebApplication Build(string dataDirectory, CapturingLoggerProvider logs, string[] args) =>
        LocalHost.Build(
            [$"--DataDirectory={dataDirectory}", $"--Webhooks:MaxRequestBodyBytes={MaxBodyBytes}", "--Logging:LogLevel:Default=Warning", .. args],
            services =>
            {
                services.AddSingleton<FailureSwitch>();
                services.AddDurableTasks(TestWorkflows.Register);
                services.AddSingleton<ILoggerProvider>(logs);
            });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalizing connection; the temp directory is cleaned by the OS eventually.
        }
    }
}
