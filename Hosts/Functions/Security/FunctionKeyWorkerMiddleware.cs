using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace DurableLessons.Hosts.Functions.Security;

/// <summary>
/// Applies <c>Security:FunctionKey</c> to the HTTP functions with the embedded host's rule (<see cref="FunctionKeyPolicy"/>):
/// the same keys, the same 401 problem+json, the same warning. The HTTP triggers stay Anonymous at the Functions level,
/// because Azure's own key check would answer a plain 401 and accept the Functions host's keys rather than ours.
/// Register it with <c>UseWhen(AppliesTo)</c> after <c>ConfigureFunctionsWebApplication()</c>, whose middleware puts
/// the ASP.NET Core <see cref="HttpContext"/> on the invocation.
/// </summary>
public sealed class FunctionKeyWorkerMiddleware(FunctionKeyPolicy policy) : IFunctionsWorkerMiddleware
{
    private const string HttpTriggerBindingType = "httpTrigger";

    /// <summary>Whether the function is HTTP-triggered (orchestrations, activities and timers carry no key).</summary>
    public static bool AppliesTo(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FunctionDefinition.InputBindings.Values
            .Any(binding => string.Equals(binding.Type, HttpTriggerBindingType, StringComparison.OrdinalIgnoreCase));
    }

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
            // Failing closed: letting the call through would silently drop the key check.
            throw new InvalidOperationException(
                $"HTTP function {context.FunctionDefinition.Name} has no HttpContext: the function key check needs ASP.NET Core integration " +
                "(ConfigureFunctionsWebApplication) registered before it.");
        }

        if (policy.Admits(httpContext.Request))
        {
            await next(context);
            return;
        }

        await policy.RejectAsync(httpContext);
    }
}
