using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Links;

/// <summary>The HTTP 202 "check status" answer of a starter, as Durable's <c>CreateCheckStatusResponse</c>.</summary>
public static class CheckStatusResponse
{
    /// <summary>Seconds clients are asked to wait between polls; the status route sends the same value.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>202 with <c>Location</c> = the status URL, <c>Retry-After</c> and the payload as camelCase JSON.</summary>
    public static IResult Accepted(HttpManagementPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new AcceptedResult(payload);
    }

    private sealed class AcceptedResult(HttpManagementPayload payload) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<HttpManagementPayload>
    {
        public int? StatusCode => StatusCodes.Status202Accepted;

        public HttpManagementPayload Value => payload;

        object? IValueHttpResult.Value => payload;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status202Accepted;
            response.Headers.Location = payload.StatusQueryGetUri;
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return response.WriteAsJsonAsync(payload, ManagementJson.Options, httpContext.RequestAborted);
        }
    }
}
