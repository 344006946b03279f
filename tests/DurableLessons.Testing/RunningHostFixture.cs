using Xunit;

namespace DurableLessons.Testing;

/// <summary>
/// An xunit fixture holding one started <see cref="RunningHost"/>, for the tests of a class or a collection that share
/// it; a subclass says how its host starts.
/// </summary>
public abstract class RunningHostFixture : IAsyncLifetime
{
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public virtual async Task InitializeAsync() => _host = await StartHostAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    protected abstract Task<RunningHost> StartHostAsync();
}
