using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using DurableLessons.Storage.TableStore;

namespace DurableLessons.Storage.Tests.Infrastructure;

/// <summary>The product's Table client options, trusting exactly one loopback certificate.</summary>
internal static class TrustingTableClientOptions
{
    /// <summary>The host's default Table client options, with a transport that trusts exactly <paramref name="certificate"/>.</summary>
    public static TableClientOptions For(X509Certificate2 certificate)
    {
        var options = TableClients.DefaultOptions();
        options.Transport = new HttpClientTransport(DurableLessons.Testing.Azurite.LoopbackCertificate.TrustingHandler(certificate));
        return options;
    }
}
