using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Storage.Tests.Infrastructure;

/// <summary>A contract suite run once per storage provider: <typeparamref name="TStore"/> composed from the subclass's settings, fresh for each test.</summary>
public abstract class ProviderContractTests<TStore> : IAsyncLifetime
    where TStore : notnull
{
    private ServiceProvider? services;

    protected TStore Store { get; private set; } = default!;

    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The registration under test (e.g. AddPracticeStorage).</summary>
    protected abstract IServiceCollection Register(IServiceCollection services, IConfiguration configuration);

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        services = Register(new ServiceCollection().AddSingleton(TimeProvider.System), configuration).BuildServiceProvider(validateScopes: true);
        Store = services.GetRequiredService<TStore>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        await CleanUpAsync();
    }

    protected virtual Task CleanUpAsync() => Task.CompletedTask;
}
