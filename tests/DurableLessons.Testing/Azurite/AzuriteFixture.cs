using Xunit;

namespace DurableLessons.Testing.Azurite;

/// <summary>
/// One <see cref="AzuriteServer"/> shared by a test collection (an xunit collection fixture: declare a
/// <c>[CollectionDefinition]</c> implementing <c>ICollectionFixture&lt;AzuriteFixture&gt;</c> in the test project).
/// Each test keeps to tables of its own with <see cref="FreshTableSettings"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not been started.");

    public string ConnectionString => Server.ConnectionString;

    public Uri TableEndpoint => Server.TableEndpoint;

    /// <summary>Table storage on this Azurite under a table prefix of its own, so a test starts with empty tables.</summary>
    public IReadOnlyDictionary<string, string?> FreshTableSettings() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Table",
        ["Storage:Table:ConnectionString"] = ConnectionString,
        ["Storage:Table:TablePrefix"] = $"t{Guid.NewGuid():N}"[..20],
    };

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
