using DurableLessons.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Testing.Engines;

/// <summary>The embedded engine in a generic host on a SQLite file, as the local host runs it.</summary>
public sealed class EmbeddedTestEngine : HostedTestEngine
{
    private readonly TempDatabase? _ownDatabase;

    private EmbeddedTestEngine(IHost host, TempDatabase? ownDatabase, TimeSpan waitTimeout)
        : base(EngineKind.Embedded, host, waitTimeout)
    {
        _ownDatabase = ownDatabase;
    }

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

    private protected override ValueTask ReleaseAsync()
    {
        _ownDatabase?.Dispose();
        return ValueTask.CompletedTask;
    }
}
