using System.Diagnostics;
using System.Net;
using DurableLessons.Bench.Machine;

namespace DurableLessons.Bench.Http;

/// <summary>
/// The one client harness for every HTTP measurement: <c>clients</c> concurrent loops, each sending its next request
/// as soon as the previous answer is read in full, until the duration or the request budget is used up. Latency is
/// request sent → body read; an answer with another status than expected counts as an error, not as a sample.
/// </summary>
internal sealed class LoadGenerator : IDisposable
{
    private readonly HttpClient _client;

    public LoadGenerator(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 4096,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <param name="createRequest">Builds request number n (0-based, unique across clients).</param>
    public async Task<LatencySummary> RunAsync(
        int clients,
        TimeSpan duration,
        int maxRequests,
        Func<int, HttpRequestMessage> createRequest,
        HttpStatusCode expectedStatus,
        CancellationToken cancellationToken)
    {
        var issued = -1;
        var errors = 0;
        string? firstError = null;
        var samples = new List<long>[clients];
        var cpu = ProcessCpu.Start();
        var stopwatch = Stopwatch.StartNew();

        async Task ClientLoopAsync(int client)
        {
            var latencies = samples[client] = new List<long>(Math.Min((maxRequests / clients) + 16, 1 << 14));
            int number;
            while (stopwatch.Elapsed < duration && (number = Interlocked.Increment(ref issued)) < maxRequests)
            {
                using var request = createRequest(number);
                var started = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    error = response.StatusCode == expectedStatus
                        ? null
                        : $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
                }
                catch (HttpRequestException exception)
                {
                    error = $"{request.Method} {request.RequestUri} failed: {exception.Message}";
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

        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(() => ClientLoopAsync(client), cancellationToken)));
        var elapsed = stopwatch.Elapsed;
        var cpuShare = cpu.ShareOfMachine();
        var all = new List<long>(samples.Sum(s => s.Count));
        foreach (var latencies in samples)
        {
            all.AddRange(latencies);
        }

        return LatencySummary.From(clients, all, errors, elapsed, cpuShare, firstError);
    }

    public void Dispose() => _client.Dispose();
}
