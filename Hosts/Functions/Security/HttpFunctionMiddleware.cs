using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace DurableLessons.Hosts.Functions.Security;

/// <summary>
/// A check on HTTP functions that may answer the request itself. Register it with <c>UseWhen(FunctionKeyWorkerMiddleware.AppliesTo)</c>
/// after <c>ConfigureFunctionsWebApplication()</c>, whose middleware puts the ASP.NET Core <see cref="HttpContext"/> on the invocation.
/// </summary>
public abstract class HttpFunctionMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>What the check is, for the failure without an HttpContext.</summary>
    protected abstract string Check { get; }

    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InvokeAsync(context, context.GetHttpContext(), next);
    }

    // Takes the HttpContext as an argument so that tests can pass one: GetHttpContext needs the Functions runtime.
    internal async Task InvokeAsync(FunctionContext context, HttpContext? httpContext, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (httpContext is null)
        {
            // Failing closed: letting the call through would silently drop the check.
            throw new InvalidOperationException(
                $"HTTP function {context.FunctionDefinition.Name} has no HttpContext: {Check} needs ASP.NET Core integration " +
                "(ConfigureFunctionsWebApplication) registered before it.");
        }

        if (!await AnsweredAsync(httpContext))
        {
            await next(context);
        }
    }

    /// <summary>Answers the request and returns true when the function must not run.</summary>
    protected abstract Task<bool> AnsweredAsync(HttpContext httpContext);
}
