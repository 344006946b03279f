using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Security;

/// <summary>
/// Refuses to start a server that would expose unauthenticated management webhooks to the network: without
/// <c>Security:SystemKey</c>, every listen URL must be a loopback address. Runs while the pipeline is built, after
/// the server has collected its URLs (<c>urls</c>, <c>http_ports</c>, code) and before it binds any socket.
/// </summary>
internal sealed class LoopbackOnlyStartupFilter(
    IServer server,
    IConfiguration configuration,
    IOptions<SecurityOptions> options,
    ILogger<LoopbackOnlyStartupFilter> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        if (!options.Value.HasSystemKey)
        {
            var exposed = ListenUrls().FirstOrDefault(url => !ListenAddresses.IsLoopbackOnly(url));
            if (exposed is not null)
            {
                logger.LogCritical(
                    "Refusing to listen on {Url}: {Setting} is not set, so the management webhooks would be open to anyone who can reach it. Set {Setting} or listen on a loopback address such as http://127.0.0.1:7071",
                    exposed, SecurityOptions.SystemKeySetting, SecurityOptions.SystemKeySetting);
                throw new InvalidOperationException(
                    $"Refusing to listen on {exposed}: {SecurityOptions.SystemKeySetting} is not set. Set it, or listen on a loopback address only.");
            }
        }

        return next;
    }

    private IEnumerable<string> ListenUrls()
    {
        var serverAddresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var kestrelEndpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>();
        return serverAddresses.Concat(kestrelEndpoints);
    }
}
