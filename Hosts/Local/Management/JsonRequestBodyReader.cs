using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>
/// Reads a JSON request body within <see cref="WebhookOptions.MaxRequestBodyBytes"/>. Not the /api routes'
/// <c>JsonRequestReader</c>: as Durable's webhooks, an empty body is no input, any JSON value (null included) is an
/// input, and a body that is not UTF-8 JSON is a 400 naming <c>body</c> rather than a 415.
/// </summary>
internal sealed class JsonRequestBodyReader(IOptions<WebhookOptions> options)
{
    public const string Parameter = "body";

    /// <summary>The body as a JSON value, or null when the request has no body (or only whitespace).</summary>
    public async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw new WebhookBodyTooLargeException(limit);
        }

        var body = await ReadBytesAsync(request.Body, limit, cancellationToken);
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        // JsonDocument checks UTF-8 only when a string is read, so bytes that are not UTF-8 would reach the engine.
        if (!Utf8.IsValid(body))
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

    private static async Task<byte[]> ReadBytesAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new WebhookBodyTooLargeException(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
