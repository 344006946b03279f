using System.Net;

namespace DurableLessons.Bench.Http;

/// <summary>A status object of the shape the status route returns, with fixed values.</summary>
internal sealed record SampleStatus(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    int Input,
    object? CustomStatus,
    int Output,
    string CreatedTime,
    string LastUpdatedTime);

/// <summary>
/// The HTTP ceiling: a minimal-API app on Kestrel (slim builder, no middleware, warnings-only logging) answering
/// GET <c>/instances/{id}</c> with a status-shaped JSON object built in memory, loaded by the same harness.
/// </summary>
internal static class BareKestrelBench
{
    public static async Task<IReadOnlyList<LatencySummary>> RunAsync(BenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapGet("/instances/{instanceId}", (string instanceId) => TypedResults.Json(new SampleStatus(
            "BenchFanOut", instanceId, "Completed", 1, null, 1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z")));
        await app.StartAsync(cancellationToken);
        try
        {
            using var load = new LoadGenerator(new Uri(app.Urls.Single()));
            var results = new List<LatencySummary>();
            foreach (var clients in settings.KestrelClientLevels)
            {
                HttpRequestMessage Get(int n) => new(HttpMethod.Get, $"/instances/bench{n % 1000:D4}");
                await load.RunAsync(clients, settings.HttpWarmup, settings.HttpMaxRequests, Get, HttpStatusCode.OK, cancellationToken);
                var summary = await load.RunAsync(clients, settings.HttpDuration, settings.HttpMaxRequests, Get, HttpStatusCode.OK, cancellationToken);
                progress($"bare Kestrel GET, {clients} clients: {summary.RequestsPerSecond:0} requests/s");
                results.Add(summary);
            }

            return results;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}
