using System.Net.Http.Headers;
using DurableLessons.Engine;
using DurableLessons.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Http.Tests.Infrastructure;

/// <summary>
/// The shared <see cref="RunningHost"/> as the webhook contract tests run it: the test workflows and a failure switch
/// registered, a 4 KiB request-body limit, and a client that asks for JSON.
/// </summary>
public static class WebhookTestHost
{
    public const string WebhookBase = "/runtime/webhooks/durabletask";
    public const int MaxBodyBytes = 4096;

    public static async Task<RunningHost> StartAsync(params string[] extraArgs)
    {
        var host = await RunningHost.StartAsync(Options(extraArgs));
        host.Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return host;
    }

    /// <summary>Builds (without starting) the host as the tests run it.</summary>
    public static WebApplication Build(string dataDirectory, CapturedLogs logs, string[] args) =>
        RunningHost.Build(Options(args), dataDirectory, logs);

    extension(RunningHost host)
    {
        public FailureSwitch Failures => host.Services.GetRequiredService<FailureSwitch>();
    }

    private static RunningHostOptions Options(string[] args) => new()
    {
        Arguments = [$"--Webhooks:MaxRequestBodyBytes={MaxBodyBytes}", .. args],
        Services = services =>
        {
            services.AddSingleton<FailureSwitch>();
            services.AddDurableTasks(TestWorkflows.Register);
        },
    };
}
