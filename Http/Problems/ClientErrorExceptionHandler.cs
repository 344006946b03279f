using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Problems;

/// <summary>
/// Last line of defence: request errors detected by the server itself (a body over Kestrel's limit, a malformed
/// request) become 4xx problems instead of 500s, and a client that hung up does not log as a server fault.
/// Anything else falls through to the default handler, which answers a generic 500 problem.
/// </summary>
internal sealed class ClientErrorExceptionHandler(IProblemDetailsService problemDetails, ILogger<ClientErrorExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("Request {Method} {Path} was aborted by the client", httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        logger.LogInformation("Rejected {Method} {Path} with {StatusCode}: {Reason}",
            httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, badRequest.Message);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload Too Large" : "Bad Request",
            Detail = badRequest.Message,
        };
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem }))
        {
            // The writer declines when Accept names neither JSON nor */*; declining here would turn the client's
            // error into the default handler's 500, so answer problem+json regardless.
            await Results.Problem(problem).ExecuteAsync(httpContext);
        }

        return true;
    }
}
