using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Http.Security;

/// <summary>
/// With <c>Security:FunctionKey</c> set, answers 401 problem+json to <c>/api/*</c> requests without the function key
/// (or the system key). <c>/api/admin/*</c> is left to its handlers, which accept only the system key. The rule is
/// <see cref="FunctionKeyPolicy"/>, which the Functions host applies too.
/// </summary>
public sealed class FunctionKeyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, FunctionKeyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Admits(context.Request) ? next(context) : policy.RejectAsync(context);
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
