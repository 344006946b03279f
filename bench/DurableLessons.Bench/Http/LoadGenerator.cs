using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime;
using System.Text;
using DurableLessons.Bench.Diagnostics;
using DurableLessons.Bench.Http.Wire;
using DurableLessons.Bench.Machine;

namespace DurableLessons.Bench.Http;

/// <summary>
/// The one client harness for every HTTP measurement: <c>clients</c> concurrent loops, each with its own keep-alive
/// socket (<see cref="KeepAliveConnection"/>, no HttpClient: the client must cost far less CPU than the server it
/// measures), each sending its next request as soon as the previous answer is read in full, until the duration or the
/// request budget is used up. Latency is request written → body read; an answer with another status than expected
/// counts as an error, not as a sample. Connections are kept between runs and reopened when the server closed them.
/// </summary>
internal sealed class LoadGenerator : IDisposable
{
    private readonly IPEndPoint _server;
    private readonly string _hostHeader;
    private readonly ConcurrentBag<KeepAliveConnection> _idle = [];

    /// <param name="baseAddress">An <c>http://</c> address with a literal IP, e.g. <c>http://127.0.0.1:5000</c>.</param>
    public LoadGenerator(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (baseAddress.Scheme != Uri.UriSchemeHttp || !IPAddress.TryParse(baseAddress.Host, out var address))
        {
            throw new ArgumentException($"The load generator speaks plain HTTP to a literal IP address, not to '{baseAddress}'.", nameof(baseAddress));
        }

        _server = new IPEndPoint(address, baseAddress.Port);
        _hostHeader = baseAddress.Authority;
    }

    /// <param name="createRequest">Builds request number n (0-based, unique across clients).</param>
    /// <param name="probe">
    /// Also record where the time went (<see cref="RuntimeProbe"/>). The probe costs throughput (GC and thread-pool
    /// events, meter callbacks on every request), so measured levels run without it and a separate window with it.
    /// </param>
    public async Task<LatencySummary> RunAsync(
        int clients,
        TimeSpan duration,
        int maxRequests,
        Func<int, HttpRequestSpec> createRequest,
        HttpStatusCode expectedStatus,
        CancellationToken cancellationToken,
        bool probe = false)
    {
        using var runtimeProbe = probe ? RuntimeProbe.Start() : null;
        var slice = await RunSliceAsync(clients, duration, maxRequests, createRequest, expectedStatus, cancellationToken);
        return LatencySummary.From([slice], runtimeProbe?.Stop());
    }

    /// <summary>One run with its raw samples, to be merged with the other slices of its level.</summary>
    /// <param name="createRequest">Builds request number n (0-based, unique across clients).</param>
    public async Task<LoadSlice> RunSliceAsync(
        int clients,
        TimeSpan duration,
        int maxRequests,
        Func<int, HttpRequestSpec> createRequest,
        HttpStatusCode expectedStatus,
        CancellationToken cancellationToken)
    {
        var issued = -1;
        var errors = 0;
        string? firstError = null;
        var samples = new List<long>[clients];
        var connections = Enumerable.Range(0, clients).Select(_ => RentConnection()).ToArray();
        var jitBefore = JitInfo.GetCompilationTime();
        var cpu = ProcessCpu.Start();
        var stopwatch = Stopwatch.StartNew();

        async Task ClientLoopAsync(int client)
        {
            var connection = connections[client];
            var latencies = samples[client] = new List<long>(Math.Min((maxRequests / clients) + 16, 1 << 14));
            int number;
            while (stopwatch.Elapsed < duration && (number = Interlocked.Increment(ref issued)) < maxRequests)
            {
                var request = createRequest(number);
                var bytes = request.Encode(_hostHeader);
                var started = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    var response = await connection.SendAsync(bytes, cancellationToken);
                    error = response.StatusCode == (int)expectedStatus
                        ? null
                        : $"{request} answered {response.StatusCode}: {Encoding.UTF8.GetString(response.Body.Span)}";
                }
                catch (Exception exception) when (exception is SocketException or IOException or InvalidDataException)
                {
                    error = $"{request} failed: {exception.Message}";
                }

                var ended = Stopwatch.GetTimestamp();
                if (error is null)
                {
                    latencies.Add(ended - started);
                }
                else if (Interlocked.Increment(ref errors) == 1)
                {
                    firstError = error;
                }
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(() => ClientLoopAsync(client), cancellationToken)));
        }
        finally
        {
            foreach (var connection in connections)
            {
                _idle.Add(connection);
            }
        }

        var elapsed = stopwatch.Elapsed;
        var cpuShare = cpu.ShareOfMachine();
        var jit = JitInfo.GetCompilationTime() - jitBefore;
        var all = new List<long>(samples.Sum(s => s.Count));
        foreach (var latencies in samples)
        {
            all.AddRange(latencies);
        }

        return new LoadSlice(clients, all, errors, elapsed, cpuShare, jit, firstError);
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    /// <summary>An idle connection the server has not closed meanwhile, or a new one (it connects on first use).</summary>
    private KeepAliveConnection RentConnection()
    {
        if (_idle.TryTake(out var connection))
        {
            if (!connection.IsReusable)
            {
                connection.Close();
            }

            return connection;
        }

        return new KeepAliveConnection(_server);
    }
}
