using System.Text.Json;
using DurableLessons.Shared.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DurableLessons.Http.Requests;

/// <summary>
/// Reads a bounded JSON body and answers the client's mistakes with problem+json: 413 past the limit, 415 for a
/// content type that is not JSON, 400 naming the JSON path for malformed or mistyped JSON.
/// A body sent as curl's default <c>application/x-www-form-urlencoded</c> is accepted when it is a JSON document,
/// so <c>curl -d '{...}'</c> works as documented. JSON is UTF-8 (RFC 8259): a declared charset other than UTF-8 is
/// answered 415 rather than misread, and a leading UTF-8 byte order mark is ignored.
/// </summary>
public static class JsonRequestReader
{
    public const int DefaultMaxBytes = 64 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        var (value, problem) = await ReadOrRejectAsync<T>(request, maxBytes);
        return (value, problem);
    }

    /// <summary>As <see cref="ReadAsync{T}"/>, with the problem typed for <see cref="JsonBody{T}"/>.</summary>
    internal static async Task<(T? Value, ProblemHttpResult? Problem)> ReadOrRejectAsync<T>(HttpRequest request, int maxBytes)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!IsAcceptableContentType(request.ContentType))
        {
            return (null, RequestProblems.UnsupportedMediaType(request.ContentType));
        }

        if (await BoundedRequestBody.ReadAsync(request, maxBytes, request.HttpContext.RequestAborted) is not { } body)
        {
            return (null, RequestProblems.TooLarge(maxBytes));
        }

        if (body.IsEmpty)
        {
            return (null, RequestProblems.Invalid("body", "A JSON body is required."));
        }

        var json = body.Span;
        if (json.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(json, WorkflowJson.Options);
            return value is null
                ? (null, RequestProblems.Invalid("body", "The body must be a JSON object, not null."))
                : (value, null);
        }
        catch (JsonException error)
        {
            var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.');
            return (null, RequestProblems.Invalid(field, $"Malformed or mistyped JSON: {error.Message}"));
        }
    }

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static bool IsAcceptableContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        var charset = parsed.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
    }
}
