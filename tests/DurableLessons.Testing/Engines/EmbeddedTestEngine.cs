using DurableLessons.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Testing.Engines;

/// <summary>The embedded engine in a generic host on a SQLite file, as the local host runs it.</summary>
public sealed class EmbeddedTestEngine : TestEngine
{
    private readonly IHost _host;
    private readonly TempDatabase? _ownDatabase;
    private bool _stopped;

    private EmbeddedTestEngine(IHost host, TempDatabase? ownDatabase, TimeSpan waitTimeout)
        : base(EngineKind.Embedded, waitTimeout)
    {
        _host = host;
        _ownDatabase = ownDatabase;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    public override DurableTaskClient Client { get; }

    public override IServiceProvider Services => _host.Services;

    internal static async Task<TestEngine> StartAsync(
        Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services, TestEngineOptions options)
    {
        var ownDatabase = options.DatabasePath is null ? new TempDatabase() : null;
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            var configuration = new Dictionary<string, string?>
            {
                ["Engine:DatabasePath"] = options.DatabasePath ?? ownDatabase!.DatabasePath,
            };
            foreach (var (key, value) in options.Settings)
            {
                configuration[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.AddProvider(new Logging.CapturedLogs(options.Output, LogLevel.Warning));
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
            services?.Invoke(builder.Services);
            builder.Services.AddDurableTasks(tasks);
            builder.Services.AddDurableEngine(builder.Configuration);
            var host = builder.Build();
            var engine = new EmbeddedTestEngine(host, ownDatabase, options.WaitTimeout);
            if (options.Start)
            {
                await host.StartAsync();
            }

            return engine;
        }
        catch
        {
            ownDatabase?.Dispose();
            throw;
        }
    }

    public override Task StartAsync() => _host.StartAsync();

    public override async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public override async ValueTask DisposeAsync()
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

        _ownDatabase?.Dispose();
    }
}
