namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>A host of its own for inputs that are odd but legitimate, so the runs they start stay out of the corpus host.</summary>
public sealed class PlainHost : IAsyncLifetime
{
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(HostileHost.Settings);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
