using System.Diagnostics;
using System.Globalization;
using System.Net;
using DurableLessons.Bench.Engine;
using DurableLessons.Bench.Http.Wire;
using DurableLessons.Bench.Workflows;
using DurableLessons.Engine;
using DurableLessons.Testing;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Bench.Http;

/// <summary>
/// The real embedded host (<see cref="LocalHost.Build"/>: Kestrel, webhooks, engine, SQLite) on 127.0.0.1 with a
/// free port and a temp data directory, and its two loads. Starts: POST to the webhook start route with the instance
/// id in the path (a fan-out of <see cref="StartedWidth"/>, so every start is a real orchestration that runs in the
/// background), settled by waiting until no instance is pending or running. Status: GET of the status route for
/// completed instances, round robin over a fixed set.
/// </summary>
internal sealed class EmbeddedHostServer : IAsyncDisposable
{
    public const string WebhookBase = "/runtime/webhooks/durabletask";
    public const int StartedWidth = 1;
    private const int StatusInstances = 1000;

    private readonly RunningHost _host;
    private readonly LoadGenerator _generator;

    private EmbeddedHostServer(RunningHost host)
    {
        _host = host;
        _generator = new LoadGenerator(host.BaseAddress);
    }

    private DurableTaskClient Workflows => _host.Workflows;

    public static async Task<EmbeddedHostServer> StartAsync(string dataDirectory) => new(await RunningHost.StartAsync(new RunningHostOptions
    {
        DataDirectory = dataDirectory,
        Arguments =
        [
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        ],
        Services = services => services.AddDurableTasks(BenchWorkflows.Register),
    }));

    public HttpLoad Starts(BenchSettings settings) => new(
        "start",
        _generator,
        tag => n => HttpRequestSpec.PostJson(
            $"{WebhookBase}/orchestrators/{FanOutOrchestration.Name}/{tag}{n.ToString("D7", CultureInfo.InvariantCulture)}",
            StartedWidth.ToString(CultureInfo.InvariantCulture)),
        HttpStatusCode.Accepted,
        settings.StartMaxRequests,
        token => WaitForBacklogAsync(settings.BacklogTimeout, token));

    /// <summary>
    /// Status GETs over <see cref="StatusInstances"/> completed instances; the start warm-up has usually completed
    /// enough of them, and any shortfall is started (and waited for) here, before a status GET is measured.
    /// </summary>
    public async Task<HttpLoad> StatusGetsAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var ids = await CompletedInstanceIdsAsync(cancellationToken);
        if (ids.Count < StatusInstances)
        {
            await Starts(settings).RunSliceAsync("set-", settings.HostClientLevels.Max(), settings.BacklogTimeout, StatusInstances - ids.Count, cancellationToken);
            ids = await CompletedInstanceIdsAsync(cancellationToken);
        }

        if (ids.Count == 0)
        {
            throw new InvalidOperationException("No started instance completed; the status route has nothing to read.");
        }

        return new HttpLoad(
            "status GET",
            _generator,
            _ => n => HttpRequestSpec.Get($"{WebhookBase}/instances/{ids[n % ids.Count]}"),
            HttpStatusCode.OK,
            settings.HttpMaxRequests,
            HttpLoad.NothingToSettle);
    }

    public async Task<int> CountFailedInstancesAsync(CancellationToken cancellationToken)
    {
        var failed = await Workflows.QueryPageAsync(
            new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed], PageSize = 1000 },
            cancellationToken);
        return failed.Values.Count;
    }

    public async ValueTask DisposeAsync()
    {
        _generator.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<IReadOnlyList<string>> CompletedInstanceIdsAsync(CancellationToken cancellationToken)
    {
        var completed = await Workflows.QueryPageAsync(
            new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = StatusInstances },
            cancellationToken);
        return completed.Values.Select(instance => instance.InstanceId).ToArray();
    }

    /// <summary>Waits until no instance is Pending or Running; returns how long that took.</summary>
    private async Task<TimeSpan> WaitForBacklogAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var unfinished = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
            PageSize = 1,
        };
        while ((await Workflows.QueryPageAsync(unfinished, cancellationToken)).Values.Count > 0)
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Started orchestrations were still running {timeout} after the last start.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return stopwatch.Elapsed;
    }
}
