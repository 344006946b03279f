using DurableLessons.Http.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Security;

/// <summary>Answers 401 problem+json to any request that lacks the configured system key.</summary>
public sealed class SystemKeyEndpointFilter(SystemKeyVerifier verifier, ILogger<SystemKeyEndpointFilter> logger) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (verifier.IsAuthorized(request))
        {
            return next(context);
        }

        logger.LogWarning("Rejected {Method} {Path} from {RemoteAddress}: missing or wrong system key",
            request.Method, request.Path, context.HttpContext.Connection.RemoteIpAddress);
        return ValueTask.FromResult<object?>(ProblemResponses.Unauthorized(
            $"This route requires the system key, passed as the '{SystemKeyVerifier.QueryParameter}' query parameter or the '{SystemKeyVerifier.HeaderName}' header."));
    }
}
