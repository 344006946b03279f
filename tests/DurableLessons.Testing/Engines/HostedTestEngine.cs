using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

    /// <summary>Frees what the engine kept outside the process (a database file, a task hub) once it has stopped.</summary>
    private protected abstract ValueTask ReleaseAsync();
}
