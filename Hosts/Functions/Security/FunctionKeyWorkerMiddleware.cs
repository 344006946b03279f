using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Security;

/// <summary>
/// Applies <c>Security:FunctionKey</c> to the HTTP functions with the embedded host's rule (<see cref="FunctionKeyPolicy"/>):
/// the same keys, the same 401 problem+json, the same warning. The HTTP triggers stay Anonymous at the Functions level,
/// because Azure's own key check would answer a plain 401 and accept the Functions host's keys rather than ours.
/// Register it with <c>UseWhen(AppliesTo)</c> after <c>ConfigureFunctionsWebApplication()</c>, whose middleware puts
/// the ASP.NET Core <see cref="HttpContext"/> on the invocation.
/// </summary>
public sealed class FunctionKeyWorkerMiddleware(FunctionKeyPolicy policy) : HttpFunctionMiddleware
{
    private const string HttpTriggerBindingType = "httpTrigger";

    /// <summary>Whether the function is HTTP-triggered (orchestrations, activities and timers carry no key).</summary>
    public static bool AppliesTo(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FunctionDefinition.InputBindings.Values
            .Any(binding => string.Equals(binding.Type, HttpTriggerBindingType, StringComparison.OrdinalIgnoreCase));
    }

    protected override string Check => "the function key check";

    protected override async Task<bool> AnsweredAsync(HttpContext httpContext)
    {
        if (policy.Admits(httpContext.Request))
        {
            return false;
        }

        await policy.RejectAsync(httpContext);
        return true;
    }
}
