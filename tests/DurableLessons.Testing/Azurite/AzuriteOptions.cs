using System.Security.Cryptography.X509Certificates;

namespace DurableLessons.Testing.Azurite;

/// <summary>How to start an <see cref="AzuriteServer"/>; the defaults suit most tests.</summary>
public sealed record AzuriteOptions
{
    /// <summary>The account Azurite serves; the public development account unless a test needs a secret of its own.</summary>
    public AzuriteAccount Account { get; init; } = AzuriteAccount.Development;

    /// <summary>
    /// When set, Azurite serves https with this certificate (it needs its private key; see <see cref="LoopbackCertificate"/>)
    /// and takes Entra ID bearer tokens besides shared keys (Azurite's basic OAuth: it checks issuer, audience and lifetime,
    /// not signatures).
    /// </summary>
    public X509Certificate2? OAuthCertificate { get; init; }
}
