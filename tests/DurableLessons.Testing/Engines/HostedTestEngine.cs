using DurableLessons.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Testing.Engines;

/// <summary>An engine that runs as hosted services in a generic host, as the local host composes it.</summary>
public abstract class HostedTestEngine : TestEngine
{
    private bool _stopped;

    private protected HostedTestEngine(EngineKind kind, IHost host, TimeSpan waitTimeout)
        : base(kind, waitTimeout)
    {
        GenericHost = host;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    public override DurableTaskClient Client { get; }

    public override IServiceProvider Services => GenericHost.Services;

    private protected IHost GenericHost { get; }

    public override Task StartAsync() => GenericHost.StartAsync();

    public override async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await GenericHost.StopAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await StopAsync();
        await ReleaseAsync();
        if (GenericHost is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            GenericHost.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The generic host an engine runs in: <paramref name="engineSettings"/> with the test's settings over them, warnings
    /// and errors in the test's output, the test's services, its tasks, and the engine that <paramref name="addEngine"/> adds.
    /// </summary>
    private protected static IHost BuildHost(
        Dictionary<string, string?> engineSettings,
        Action<DurableTaskRegistry> tasks,
        Action<IServiceCollection>? services,
        TestEngineOptions options,
        Func<IServiceCollection, IConfiguration, IServiceCollection> addEngine)
    {
        foreach (var (key, value) in options.Settings)
        {
            engineSettings[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(engineSettings);
        builder.Logging.AddProvider(new Logging.CapturedLogs(options.Output, LogLevel.Warning));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        services?.Invoke(builder.Services);
        builder.Services.AddDurableTasks(tasks);
        addEngine(builder.Services, builder.Configuration);
        return builder.Build();
    }

    /// <summary><paramref name="engine"/>, started unless the test starts it itself (<see cref="TestEngineOptions.Start"/>).</summary>
    private protected static async Task<TestEngine> StartedAsync(HostedTestEngine engine, TestEngineOptions options)
    {
        if (options.Start)
        {
            await engine.GenericHost.StartAsync();
        }

        return engine;
    }

    /// <summary>Frees what the engine kept outside the process (a database file, a task hub) once it has stopped.</summary>
    private protected abstract ValueTask ReleaseAsync();
}
