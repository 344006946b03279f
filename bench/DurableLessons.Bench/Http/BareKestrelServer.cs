using System.Net;
using DurableLessons.Bench.Http.Wire;

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
/// The HTTP ceiling: a minimal-API app on Kestrel (slim builder, no middleware, warnings-only logging) on 127.0.0.1
/// with a free port, answering GET <c>/instances/{id}</c> with a status-shaped JSON object built in memory.
/// </summary>
internal sealed class BareKestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LoadGenerator _generator;

    private BareKestrelServer(WebApplication app)
    {
        _app = app;
        _generator = new LoadGenerator(new Uri(app.Urls.Single()));
    }

    public static async Task<BareKestrelServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/instances/{instanceId}", (string instanceId) => TypedResults.Json(new SampleStatus(
            "BenchFanOut", instanceId, "Completed", 1, null, 1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z")));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new BareKestrelServer(app);
    }

    /// <summary>GETs of a status-shaped answer, round robin over 1,000 ids.</summary>
    public HttpLoad Gets(BenchSettings settings) => new(
        "bare Kestrel GET",
        _generator,
        _ => n => HttpRequestSpec.Get($"/instances/bench{n % 1000:D4}"),
        HttpStatusCode.OK,
        settings.HttpMaxRequests,
        HttpLoad.NothingToSettle);

    public async ValueTask DisposeAsync()
    {
        _generator.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
