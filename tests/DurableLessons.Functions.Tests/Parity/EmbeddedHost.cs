using DurableLessons.Hosts.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DurableLessons.Functions.Tests.Parity;

/// <summary>
/// The embedded host application exactly as <c>dotnet run --project Hosts/Local</c> builds it (not started: nothing
/// listens), with its data directory in a temporary folder. Exposes the routes it maps.
/// </summary>
public sealed class EmbeddedHost : IAsyncLifetime
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("durable-lessons-parity-");
    private WebApplication? _app;

    /// <summary>"VERB /api/route" for every endpoint under /api.</summary>
    public IReadOnlyList<string> ApiRoutes => ((IEndpointRouteBuilder)App).DataSources
        .SelectMany(source => source.Endpoints)
        .OfType<RouteEndpoint>()
        .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
        .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
            .Select(method => Route(method, endpoint.RoutePattern.RawText!)))
        .ToList();

    private WebApplication App => _app ?? throw new InvalidOperationException("The embedded host was not built.");

    public static string Route(string method, string pattern) => $"{method.ToUpperInvariant()} {pattern.TrimEnd('/')}";

    public Task InitializeAsync()
    {
        _app = LocalHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--DataDirectory={_dataDirectory.FullName}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _dataDirectory.Delete(recursive: true);
    }
}
