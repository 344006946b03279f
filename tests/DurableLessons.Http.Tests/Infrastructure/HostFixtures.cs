namespace DurableLessons.Http.Tests.Infrastructure;

/// <summary>One keyless host shared by the contract tests of a collection.</summary>
public sealed class OpenHostFixture : IAsyncLifetime
{
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await WebhookTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>A host with <c>Security:SystemKey</c> set.</summary>
public sealed class KeyedHostFixture : IAsyncLifetime
{
    public const string SystemKey = "test-system-key-0123456789";

    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await WebhookTestHost.StartAsync($"--Security:SystemKey={SystemKey}");

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedOpenHost : ICollectionFixture<OpenHostFixture>
{
    public const string Name = "open host";
}
