using DurableLessons.Http.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Security;

/// <summary>
/// With <c>Security:FunctionKey</c> set, answers 401 problem+json to <c>/api/*</c> requests without the function key
/// (or the system key). <c>/api/admin/*</c> is left to its handlers, which accept only the system key.
/// </summary>
public sealed class FunctionKeyMiddleware(RequestDelegate next, ILogger<FunctionKeyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, FunctionKeyVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(verifier);
        var path = context.Request.Path;
        if (!verifier.IsRequired || !path.StartsWithSegments("/api") || path.StartsWithSegments("/api/admin") || verifier.IsAuthorized(context.Request))
        {
            await next(context);
            return;
        }

        logger.LogWarning("Rejected {Method} {Path} from {RemoteAddress}: missing or wrong function key",
            context.Request.Method, path, context.Connection.RemoteIpAddress);
        await ProblemResponses.Unauthorized(
            $"This route requires the function key, passed as the '{SystemKeyVerifier.QueryParameter}' query parameter or the '{SystemKeyVerifier.HeaderName}' header.")
            .ExecuteAsync(context);
    }
}

public static class FunctionKeyApplicationBuilderExtensions
{
    /// <summary>Requires <c>Security:FunctionKey</c> on <c>/api/*</c> when it is set; call before routing to the /api endpoints.</summary>
    public static IApplicationBuilder UseFunctionKeys(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<FunctionKeyMiddleware>();
    }
}
