using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Security;

/// <summary>Checks the system key a request presents, as the Functions host does for its system keys.</summary>
public sealed class SystemKeyVerifier(IOptions<SecurityOptions> options)
{
    public const string QueryParameter = "code";
    public const string HeaderName = "x-functions-key";

    // Compared as SHA-256 digests so that neither the content nor the length of the key leaks through timing.
    private readonly byte[]? _expectedDigest = options.Value.HasSystemKey ? Digest(options.Value.SystemKey!) : null;

    /// <summary>Whether a system key is configured (without one, every caller counts as authorized).</summary>
    public bool IsRequired => _expectedDigest is not null;

    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_expectedDigest is null)
        {
            return true;
        }

        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryParameter];
        }

        return !string.IsNullOrEmpty(presented)
            && CryptographicOperations.FixedTimeEquals(Digest(presented), _expectedDigest);
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
