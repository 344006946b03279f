using System.Text.Json;
using System.Text.Unicode;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>
/// Reads a JSON request body within <see cref="WebhookOptions.MaxRequestBodyBytes"/> (through the one
/// <see cref="BoundedRequestBody"/>), interpreted by Durable's webhook contract rather than the /api routes'
/// <see cref="JsonRequestReader"/>: an empty body is no input, any JSON value (null included) is an
/// input, and a body that is not UTF-8 JSON is a 400 naming <c>body</c> rather than a 415.
/// </summary>
internal sealed class JsonRequestBodyReader(IOptions<WebhookOptions> options)
{
    public const string Parameter = "body";

    /// <summary>The body as a JSON value, or null when the request has no body (or only whitespace).</summary>
    public async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var body = await BoundedRequestBody.ReadAsync(request, limit, cancellationToken)
            ?? throw new WebhookBodyTooLargeException(limit);
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        // JsonDocument checks UTF-8 only when a string is read, so bytes that are not UTF-8 would reach the engine.
        if (!Utf8.IsValid(body.Span))
        {
            throw new InvalidWebhookParameterException(Parameter, "is not UTF-8 encoded JSON.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidWebhookParameterException(Parameter, $"is not valid JSON ({e.Message})");
        }
    }

    /// <summary>True for <c>application/json</c> and <c>application/*+json</c>, any charset.</summary>
    public static bool HasJsonContentType(HttpRequest request)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        return mediaType is not null
            && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
    }
}
