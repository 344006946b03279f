using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using DurableLessons.Http.Security;

namespace DurableLessons.Http.Links;

/// <summary>
/// Signs and checks the <c>sig</c> of a public status link: HMAC-SHA256 of the instance id under a key derived
/// (HMAC, with a label) from <c>Api:StatusLinkKey</c> or else the system key. The signature names one instance, so it
/// reads no other; it is not a key any other check accepts; and the derivation means it reveals neither secret.
/// </summary>
public sealed class StatusLinkSigner
{
    public const string QueryParameter = "sig";

    private const int SignatureBytes = 32;
    private static readonly byte[] KeyLabel = "DurableLessons public status link key v1"u8.ToArray();
    private static readonly byte[] MessagePrefix = "status-link:v1:"u8.ToArray();

    private readonly byte[] _key;

    private StatusLinkSigner(string secret) =>
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), KeyLabel);

    /// <summary>The signer when <see cref="ApiOptions.PublicStatusLinks"/> is on, else null (no link is valid).</summary>
    public static StatusLinkSigner? Create(ApiOptions api, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(security);
        if (!api.PublicStatusLinks)
        {
            return null;
        }

        var secret = api.HasStatusLinkKey ? api.StatusLinkKey : security.SystemKey;
        return string.IsNullOrEmpty(secret)
            ? throw new InvalidOperationException($"{ApiOptions.PublicStatusLinksSetting} needs {SecurityOptions.SystemKeySetting} or {ApiOptions.StatusLinkKeySetting}.")
            : new StatusLinkSigner(secret);
    }

    public string Sign(string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return Base64Url.EncodeToString(Mac(instanceId));
    }

    /// <summary>True when <paramref name="signature"/> is this host's signature of exactly <paramref name="instanceId"/>.</summary>
    public bool Verify(string? instanceId, string? signature)
    {
        if (string.IsNullOrEmpty(instanceId) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[SignatureBytes];
        if (!Base64Url.TryDecodeFromChars(signature, presented, out var written) || written != SignatureBytes
            || Base64Url.GetEncodedLength(SignatureBytes) != signature.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, Mac(instanceId));
    }

    private byte[] Mac(string instanceId)
    {
        var id = Encoding.UTF8.GetBytes(instanceId);
        var message = new byte[MessagePrefix.Length + id.Length];
        MessagePrefix.CopyTo(message, 0);
        id.CopyTo(message, MessagePrefix.Length);
        return HMACSHA256.HashData(_key, message);
    }
}
