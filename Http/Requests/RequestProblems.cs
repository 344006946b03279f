using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Requests;

/// <summary>RFC 7807 answers for mistakes in requests to the /api routes; 400s name the offending field.</summary>
public static class RequestProblems
{
    public static IResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors,
            detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            title: "The request is invalid.");

    public static IResult TooLarge(int maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"body: at most {maxBytes} bytes are accepted.");

    public static IResult UnsupportedMediaType(string? contentType) => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type.",
        detail: $"Content-Type: '{contentType}' is not accepted; send UTF-8 JSON with 'Content-Type: application/json'.");

    public static IResult NotFound(string title, string detail) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
