using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DurableLessons.Http.Problems;

/// <summary>
/// The RFC 7807 (<c>application/problem+json</c>) answers the hosts give for client errors, so every route reports
/// a bad request the same way: 400s name the offending parameter under <c>errors</c>, like ValidationProblemDetails.
/// </summary>
public static class ProblemResponses
{
    public static ValidationProblem InvalidParameter(string parameter, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameter);
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [message] },
            detail: $"Invalid '{parameter}': {message}",
            title: "One or more request parameters are invalid.");
    }

    public static ProblemHttpResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult ServiceUnavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not Found", detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Gone(string detail) => Problem(StatusCodes.Status410Gone, "Gone", detail);

    public static ProblemHttpResult PreconditionFailed(string detail) => Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed", detail);

    public static ProblemHttpResult PayloadTooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", detail);

    public static ProblemHttpResult NotImplemented(string detail) => Problem(StatusCodes.Status501NotImplemented, "Not Implemented", detail);

    private static ProblemHttpResult Problem(int statusCode, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: statusCode, title: title);
}
