using DurableLessons.Testing.Azurite;

namespace DurableLessons.Testing.Engines.AzureStorage;

/// <summary>
/// The one Azurite that <see cref="AzureStorageTestEngine"/>s of a test run share (each on a task hub of its own):
/// started by the first engine, killed when the test process exits. Suites built on <see cref="BothEnginesAttribute"/>
/// create engines inside their tests, where no xunit fixture reaches.
/// </summary>
internal sealed class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<AzuriteServer> GetAsync() => Server.Value;

    private static async Task<AzuriteServer> StartAsync()
    {
        var server = await AzuriteServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.KillAsync().GetAwaiter().GetResult();
        return server;
    }
}
