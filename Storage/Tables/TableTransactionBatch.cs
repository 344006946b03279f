using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;

namespace DurableLessons.Storage.Tables;

/// <summary>
/// The <c>$batch</c> wire format of an entity-group transaction: a multipart/mixed body holding one changeset whose
/// parts are HTTP sub-requests, and the multipart answer whose first failing part fails the whole changeset.
/// </summary>
internal static partial class TableTransactionBatch
{
    /// <summary>Table storage's limits for one transaction.</summary>
    public const int MaxActions = 100;

    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static (byte[] Body, string ContentType) Build(TablePipeline pipeline, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        var batchBoundary = $"batch_{Guid.NewGuid():N}";
        var changesetBoundary = $"changeset_{Guid.NewGuid():N}";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"--{batchBoundary}\r\n");
        body.Append(CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");

        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, path, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", TablePipeline.TablePath(table), true),
                TableTransactionActionType.UpsertMerge or TableTransactionActionType.UpdateMerge =>
                    ("PATCH", TablePipeline.EntityPath(table, entity.PartitionKey, entity.RowKey), true),
                TableTransactionActionType.UpsertReplace or TableTransactionActionType.UpdateReplace =>
                    ("PUT", TablePipeline.EntityPath(table, entity.PartitionKey, entity.RowKey), true),
                TableTransactionActionType.Delete => ("DELETE", TablePipeline.EntityPath(table, entity.PartitionKey, entity.RowKey), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };

            body.Append(CultureInfo.InvariantCulture, $"--{changesetBoundary}\r\n");
            body.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            body.Append(CultureInfo.InvariantCulture, $"{method} {pipeline.AbsoluteUrl(path)} HTTP/1.1\r\n");
            body.Append("Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n");
            if (action.ActionType is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace or TableTransactionActionType.Delete)
            {
                body.Append(CultureInfo.InvariantCulture, $"If-Match: {IfMatchValue(action.IfMatch)}\r\n");
            }

            if (hasBody)
            {
                body.Append("Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n");
                body.Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity)));
                body.Append("\r\n");
            }
            else
            {
                body.Append("\r\n");
            }
        }

        body.Append(CultureInfo.InvariantCulture, $"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
        return (Encoding.UTF8.GetBytes(body.ToString()), $"multipart/mixed; boundary={batchBoundary}");
    }

    /// <summary>Throws the mapped exception for the changeset's failing sub-response, if any.</summary>
    public static void ThrowIfFailed(string responseBody, string table)
    {
        foreach (Match status in StatusLine().Matches(responseBody))
        {
            var code = int.Parse(status.Groups["status"].Value, CultureInfo.InvariantCulture);
            if (code < 400)
            {
                continue;
            }

            var (errorCode, message) = TableErrors.Parse(ErrorJsonAfter(responseBody, status.Index));
            int? failedIndex = null;
            if (message is not null && FailedIndexPrefix().Match(message) is { Success: true } prefix)
            {
                failedIndex = int.Parse(prefix.Groups["index"].Value, CultureInfo.InvariantCulture);
                message = message[prefix.Length..];
            }

            var operation = $"Transaction on table '{table}'{(failedIndex is { } index ? $" (action {index})" : "")}";
            throw TableErrors.Create(code, errorCode, TableErrors.Describe(operation, code, errorCode, message), failedIndex);
        }
    }

    private static string IfMatchValue(ETag etag) => etag == default ? "*" : etag.ToString();

    private static string? ErrorJsonAfter(string body, int from)
    {
        var start = body.IndexOf('{', from);
        if (start < 0)
        {
            return null;
        }

        var end = body.IndexOf("\r\n--", start, StringComparison.Ordinal);
        return end < 0 ? body[start..] : body[start..end];
    }

    [GeneratedRegex(@"^HTTP/1\.1 (?<status>\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(?<index>\d+):")]
    private static partial Regex FailedIndexPrefix();
}
