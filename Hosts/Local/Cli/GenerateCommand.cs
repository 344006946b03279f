using System.Text.Json;
using DurableLessons.Http.Streaming;
using DurableLessons.Http.Lessons;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Application.Lessons;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Local.Cli;

/// <summary>
/// Runs one lesson on the embedded engine, composed as the host is (<see cref="LocalHostServiceCollectionExtensions.AddLocalHostServices"/>)
/// but without Kestrel, and prints the saved version.
/// </summary>
internal sealed class GenerateCommand(GenerateArguments arguments, TextWriter output, TextWriter progressWriter)
{
    private static readonly JsonSerializerOptions PrintJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var host = BuildHost();
        var validator = host.Services.GetRequiredService<LessonRequestValidator>();
        var (input, errors) = validator.Validate(new LessonRequest(arguments.Subject, arguments.Topic, arguments.Level));
        if (input is null)
        {
            foreach (var (field, messages) in errors)
            {
                await progressWriter.WriteLineAsync($"error: {field}: {string.Join(" ", messages)}");
            }

            await progressWriter.WriteLineAsync();
            await progressWriter.WriteLineAsync(LessonCli.Usage);
            return LessonCli.InvalidArguments;
        }

        await host.StartAsync(cancellationToken);
        try
        {
            var final = await RunLessonAsync(host.Services, input, cancellationToken);
            return await ReportAsync(host.Services, input.Key, final, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // appsettings.json ships next to the binaries, as for the server.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var configured = arguments.DataDirectory ?? builder.Configuration[LocalHostBuilderExtensions.DataDirectoryKey];
        var dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? LocalHostBuilderExtensions.DefaultDataDirectory : configured, Environment.CurrentDirectory);
        Directory.CreateDirectory(dataDirectory);
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(LocalHostBuilderExtensions.DataDirectoryKey, dataDirectory)]);

        // stdout carries the lesson only: logs go to stderr, and only when something is wrong (appsettings.json asks
        // for Information, which suits the server; environment variables can still raise it).
        builder.Configuration.AddInMemoryCollection(
        [
            new KeyValuePair<string, string?>("Logging:LogLevel:Default", "Warning"),
            new KeyValuePair<string, string?>("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
        ]);
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

        builder.Services.AddLocalHostServices(builder.Configuration);
        return builder.Build();
    }

    private async Task<OrchestrationMetadata> RunLessonAsync(IServiceProvider services, LessonRunInput input, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<DurableTaskClient>();
        var changes = services.GetRequiredService<IRunChangeSignal>();
        var run = await services.GetRequiredService<LessonRunStarter>().StartOrJoinAsync(client, input, cancellationToken);
        var instanceId = run.InstanceId;
        if (!run.Started)
        {
            await progressWriter.WriteLineAsync($"A run for {input.Key} is already in progress in this data directory; following it.");
        }

        var bar = new TerminalProgress(progressWriter, interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);
        long seen = 0;
        while (true)
        {
            seen = await changes.WaitForChangeAsync(instanceId, seen, cancellationToken);
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
                ?? throw new InvalidOperationException($"Run {instanceId} disappeared (purged?) while it was followed.");
            if (state.ReadCustomStatusAs<LessonProgress>() is { } progress)
            {
                await bar.ShowAsync(state.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? progress with { Percent = 100 } : progress);
            }

            if (state.IsCompleted)
            {
                await bar.FinishAsync();
                return state;
            }
        }
    }

    private async Task<int> ReportAsync(IServiceProvider services, LessonKey key, OrchestrationMetadata final, CancellationToken cancellationToken)
    {
        if (final.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            var reason = final.FailureDetails?.ErrorMessage ?? final.SerializedOutput ?? "no reason was recorded";
            await progressWriter.WriteLineAsync($"error: the run {final.RuntimeStatus.ToString().ToLowerInvariant()}: {reason}");
            return LessonCli.RunFailed;
        }

        var result = final.ReadOutputAs<LessonRunResult>()
            ?? throw new InvalidOperationException($"Run {final.InstanceId} completed without a result.");
        var saved = await services.GetRequiredService<ILessonStore>().GetVersionAsync(key, result.Version, cancellationToken);
        if (saved is null)
        {
            await progressWriter.WriteLineAsync($"error: the run reported version {result.Version}, but it is not in the store.");
            return LessonCli.RunFailed;
        }

        await progressWriter.WriteLineAsync($"Saved {key} version {saved.Version} ({saved.Document.Generator}).");
        if (saved.Document.Grounding == LessonGrounding.None)
        {
            await progressWriter.WriteLineAsync($"warning: {LessonMarkdown.UngroundedWarning}");
        }

        await output.WriteAsync(arguments.Json ? JsonSerializer.Serialize(saved, PrintJson) + Environment.NewLine : LessonMarkdown.Format(saved));
        await output.FlushAsync(cancellationToken);
        return LessonCli.Success;
    }
}
