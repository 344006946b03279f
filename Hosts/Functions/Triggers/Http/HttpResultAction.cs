using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>
/// Runs a minimal-API <see cref="IResult"/> as the <see cref="IActionResult"/> the Functions ASP.NET Core integration
/// executes, so the shared handlers answer with the same status, headers and body in both hosts.
/// </summary>
public sealed class HttpResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
