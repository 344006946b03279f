using System.Text.Json;
using Azure;

namespace DurableLessons.Storage.Tables;

/// <summary>Turns Table service error answers into the exception types callers branch on.</summary>
internal static class TableErrors
{
    public const string ResourceNotFound = "ResourceNotFound";
    public const string TableAlreadyExists = "TableAlreadyExists";

    public static TableStorageException FromResponse(Response response, string operation)
    {
        var (code, serviceMessage) = Parse(response.Content.ToString());
        if (code is null && response.Headers.TryGetValue("x-ms-error-code", out var headerCode))
        {
            code = headerCode;
        }

        return Create(response.Status, code, Describe(operation, response.Status, code, serviceMessage), failedActionIndex: null);
    }

    public static TableStorageException Create(int status, string? code, string message, int? failedActionIndex) => status switch
    {
        409 => new TableConflictException(message, code, failedActionIndex),
        412 => new TablePreconditionFailedException(message, code, failedActionIndex),
        404 => new TableResourceNotFoundException(message, code, failedActionIndex),
        _ => new TableStorageException(message, status, code, failedActionIndex),
    };

    public static string Describe(string operation, int status, string? code, string? serviceMessage) =>
        $"{operation} failed with {status} {code ?? "(no error code)"}{(string.IsNullOrEmpty(serviceMessage) ? "" : $": {serviceMessage}")}";

    /// <summary>Reads <c>{"odata.error":{"code":…,"message":{"value":…}}}</c>; the message is cut at its first line (request id and time follow).</summary>
    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("odata.error", out var error))
            {
                return (null, FirstLine(body));
            }

            var code = error.TryGetProperty("code", out var codeElement) ? codeElement.GetString() : null;
            string? message = null;
            if (error.TryGetProperty("message", out var messageElement))
            {
                message = messageElement.ValueKind == JsonValueKind.Object && messageElement.TryGetProperty("value", out var value)
                    ? value.GetString()
                    : messageElement.ValueKind == JsonValueKind.String ? messageElement.GetString() : null;
            }

            return (code, FirstLine(message));
        }
        catch (JsonException)
        {
            return (null, FirstLine(body));
        }
    }

    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        return line.Length > 300 ? line[..300] : line;
    }
}
