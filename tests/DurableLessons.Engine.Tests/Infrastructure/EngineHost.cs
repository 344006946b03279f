using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Engine.Tests.Infrastructure;

/// <summary>A generic host running the engine on a database file, as the embedded host does.</summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private EngineHost(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IWorkflowClient>();
    }

    public IWorkflowClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static Task<EngineHost> StartAsync(
        TempDatabase database,
        Action<WorkflowRegistry> tasks,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        ITestOutputHelper? output = null) =>
        StartAsync(database.DatabasePath, tasks, services, settings, output);

    public static async Task<EngineHost> StartAsync(
        string databasePath,
        Action<WorkflowRegistry> tasks,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        ITestOutputHelper? output = null,
        bool start = true,
        TimeSpan? shutdownTimeout = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = new Dictionary<string, string?> { ["Engine:DatabasePath"] = databasePath };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.AddProvider(new TestOutputLoggerProvider(output));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(10));
        services?.Invoke(builder.Services);
        builder.Services.AddWorkflowTasks(tasks);
        builder.Services.AddDurableEngine(builder.Configuration);
        var host = builder.Build();
        if (start)
        {
            await host.StartAsync();
        }

        return new EngineHost(host);
    }

    public Task StartAsync() => _host.StartAsync();

    /// <summary>Stops the engine as the host would at shutdown.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    /// <summary>Waits for the instance to finish; a test that hangs fails after 30 s instead.</summary>
    public Task<OrchestrationMetadata> WaitAsync(string instanceId) =>
        Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

    /// <summary>Waits until the instance's status satisfies the condition (through the change feed, no polling).</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = Services.GetRequiredService<IInstanceChangeFeed>();
        long seen = 0;
        while (true)
        {
            seen = await feed.WaitForChangeAsync(instanceId, seen, timeout.Token);
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            if (metadata is not null && condition(metadata))
            {
                return metadata;
            }
        }
    }

    public async Task<string> RunAsync(string orchestrator, object? input = null, string? instanceId = null)
    {
        return await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
    }
}
