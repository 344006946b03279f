using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DurableLessons.Http.Requests;

/// <summary>RFC 7807 answers for mistakes in requests to the /api routes; 400s name the offending field.</summary>
public static class RequestProblems
{
    public static ProblemHttpResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            Title = "The request is invalid.",
        });

    public static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"body: at most {maxBytes} bytes are accepted.");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type.",
        detail: $"Content-Type: '{contentType}' is not accepted; send UTF-8 JSON with 'Content-Type: application/json'.");

    public static ProblemHttpResult NotFound(string title, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
