using DurableLessons.Bench.Workflows;
using DurableLessons.Engine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableLessons.Bench.Engine;

/// <summary>
/// The engine alone in a generic host (no Kestrel), on its own database file, with the bench's tasks registered
/// through <c>AddDurableTasks</c> and the engine through <c>AddDurableEngine</c>, as the embedded host composes it.
/// </summary>
internal sealed class BenchEngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchEngineHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public EngineOptions Options => _host.Services.GetRequiredService<IOptions<EngineOptions>>().Value;

    public static async Task<BenchEngineHost> StartAsync(string databasePath, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Engine:DatabasePath", databasePath)]);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDurableTasks(BenchWorkflows.Register);
        builder.Services.AddDurableEngine(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new BenchEngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
