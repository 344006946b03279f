using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Testing.Loopback;

/// <summary>
/// A minimal Kestrel app on 127.0.0.1 and a free port, for the fakes of the services the host calls (models, research
/// APIs, an OIDC issuer, proxies). Its own logging is off; stopping waits at most 2 s for requests in flight.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The root URL, ending in '/': <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The root URL without a trailing slash.</summary>
    public string BaseUrl => BaseAddress.GetLeftPart(UriPartial.Authority);

    public int Port => BaseAddress.Port;

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the app, lets <paramref name="map"/> add its endpoints, and starts listening; throws if it cannot.</summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, LoopbackServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        options ??= new LoopbackServerOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (options.Certificate is { } certificate)
            {
                listen.UseHttps(certificate);
            }
        }));
        options.Services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.SingleOrDefault()
            ?? throw new InvalidOperationException("The loopback server did not report a listening address.");
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
