using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Security;

/// <summary>Checks the key a request to an <c>/api/*</c> route presents: the function key, or the system key (which opens everything).</summary>
public sealed class FunctionKeyVerifier(IOptions<SecurityOptions> options)
{
    private readonly byte[]? _functionKeyDigest = options.Value.HasFunctionKey ? Digest(options.Value.FunctionKey!) : null;
    private readonly byte[]? _systemKeyDigest = options.Value.HasSystemKey ? Digest(options.Value.SystemKey!) : null;

    public bool IsRequired => _functionKeyDigest is not null;

    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_functionKeyDigest is null)
        {
            return true;
        }

        string? presented = request.Headers[SystemKeyVerifier.HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[SystemKeyVerifier.QueryParameter];
        }

        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = Digest(presented);
        return CryptographicOperations.FixedTimeEquals(digest, _functionKeyDigest)
            || (_systemKeyDigest is not null && CryptographicOperations.FixedTimeEquals(digest, _systemKeyDigest));
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
