using DurableLessons.Engine;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
            var engineSettings = new Dictionary<string, string?>
            {
                ["Engine:DatabasePath"] = options.DatabasePath ?? ownDatabase!.DatabasePath,
            };
            var host = BuildHost(engineSettings, tasks, services, options, (serviceCollection, configuration) => serviceCollection.AddDurableEngine(configuration));
            return await StartedAsync(new EmbeddedTestEngine(host, ownDatabase, options.WaitTimeout), options);
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
