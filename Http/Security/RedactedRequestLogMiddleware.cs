using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Security;

/// <summary>
/// The request log, without secrets: ASP.NET Core's own "Request starting/finished" entries write the query string as
/// sent, and clients following Durable links send the system key (<c>code</c>) and link signatures (<c>sig</c>) there.
/// Those entries are switched off (<see cref="SecurityServiceCollectionExtensions.AddSystemKeySecurity"/>); this
/// middleware writes one Debug entry per request with those values masked instead.
/// </summary>
internal sealed class RedactedRequestLogMiddleware(RequestDelegate next, ILogger<RedactedRequestLogMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context) =>
        logger.IsEnabled(LogLevel.Debug) ? LogAsync(context) : next(context);

    private async Task LogAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            logger.LogDebug("{Method} {Path}{Query} answered {StatusCode} in {ElapsedMs:0.0} ms",
                request.Method, request.PathBase + request.Path, QueryRedaction.Redact(request.QueryString),
                context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
