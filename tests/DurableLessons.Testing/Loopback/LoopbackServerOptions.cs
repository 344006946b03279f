using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Testing.Loopback;

/// <summary>How to start a <see cref="LoopbackServer"/>; the defaults serve plain http.</summary>
public sealed record LoopbackServerOptions
{
    /// <summary>When set, the server speaks https with this certificate (see <see cref="Azurite.LoopbackCertificate"/>).</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Services the mapped endpoints need.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
