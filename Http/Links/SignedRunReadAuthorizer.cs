using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Links;

/// <summary>
/// Whether a request is a signed read of one run that the function key rule must let through: a GET (or HEAD) of
/// exactly <c>/api/runs/{id}/status</c> or <c>/api/runs/{id}/events</c> whose <c>sig</c> is that run's link signature.
/// Decided on the path, not on routing, so that both hosts (ASP.NET Core middleware and Functions worker middleware)
/// apply the same rule before any handler runs.
/// </summary>
public sealed class SignedRunReadAuthorizer(IOptions<ApiOptions> api, IOptions<SecurityOptions> security)
{
    private static readonly string[] ReadOperations = ["status", "events"];

    private readonly StatusLinkSigner? _signer = StatusLinkSigner.Create(api.Value, security.Value);

    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_signer is null
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments("/api/runs", StringComparison.OrdinalIgnoreCase, out var rest)
            || rest.Value is not { Length: > 1 } remainder)
        {
            return false;
        }

        // PathString keeps an encoded '/' (%2F) encoded, so the id is one segment here as it is for routing.
        var segments = remainder[1..].Split('/');
        return segments.Length == 2
            && segments[0].Length > 0
            && ReadOperations.Contains(segments[1], StringComparer.OrdinalIgnoreCase)
            && _signer.Verify(segments[0], request.Query[StatusLinkSigner.QueryParameter]);
    }
}
