using System.Net;
using DurableLessons.Bench.Http;
using DurableLessons.Bench.Http.Wire;

namespace DurableLessons.Bench.Tests;

public sealed class ConnectionReuseTests
{
    private static readonly TimeSpan Unbounded = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Keeps_one_connection_per_client_across_runs()
    {
        await using var server = new DroppingServer();
        using var load = new LoadGenerator(server.BaseAddress);

        await load.RunAsync(3, Unbounded, 30, _ => HttpRequestSpec.Get("/"), HttpStatusCode.OK, CancellationToken.None);
        var second = await load.RunAsync(3, Unbounded, 30, _ => HttpRequestSpec.Get("/"), HttpStatusCode.OK, CancellationToken.None);

        Assert.Equal((30, 0), (second.Requests, second.Errors));
        Assert.Equal(3, server.AcceptedConnections);
    }

    [Fact]
    public async Task Replaces_idle_connections_the_server_dropped_between_runs()
    {
        await using var server = new DroppingServer();
        using var load = new LoadGenerator(server.BaseAddress);
        await load.RunAsync(2, Unbounded, 10, _ => HttpRequestSpec.Get("/"), HttpStatusCode.OK, CancellationToken.None);

        server.DropAllConnections();
        // The drop reaches the client as a FIN; give the loopback a moment to deliver it before the next run.
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        var afterDrop = await load.RunAsync(2, Unbounded, 10, _ => HttpRequestSpec.Get("/"), HttpStatusCode.OK, CancellationToken.None);

        Assert.Equal((10, 0), (afterDrop.Requests, afterDrop.Errors));
        Assert.Equal(4, server.AcceptedConnections);
    }
}
