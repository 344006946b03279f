using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace DurableLessons.Storage.Tables;

/// <summary>Entity operations on one table. Errors surface as <see cref="TableStorageException"/> and its subclasses.</summary>
public sealed class TableClient
{
    private static readonly RequestMethod Patch = new("PATCH");

    private readonly TablePipeline pipeline;

    internal TableClient(TablePipeline pipeline, string name)
    {
        if (!IsValidTableName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid table name: 3-63 letters or digits, starting with a letter.", nameof(name));
        }

        this.pipeline = pipeline;
        Name = name;
    }

    public string Name { get; }

    public static bool IsValidTableName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>Creates the table; true if it was created, false if it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Post, "/Tables");
        SetJsonBody(message.Request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await pipeline.SendAsync(message, cancellationToken);
        if (response.Status is 201 or 204)
        {
            return true;
        }

        var error = TableErrors.FromResponse(response, $"Creating table '{Name}'");
        if (error is TableConflictException { ErrorCode: TableErrors.TableAlreadyExists })
        {
            return false;
        }

        throw error;
    }

    /// <summary>Deletes the table; false if it did not exist.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, $"/Tables('{Uri.EscapeDataString(Name)}')");
        var response = await pipeline.SendAsync(message, cancellationToken);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw TableErrors.FromResponse(response, $"Deleting table '{Name}'"),
        };
    }

    /// <summary>Inserts the entity; <see cref="TableConflictException"/> if it already exists.</summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = pipeline.CreateMessage(RequestMethod.Post, TablePipeline.TablePath(Name));
        SetJsonBody(message.Request, TableEntityJson.Serialize(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await pipeline.SendAsync(message, cancellationToken);
        return response.Status is 201 or 204
            ? ReadETag(response)
            : throw TableErrors.FromResponse(response, $"Inserting {Describe(entity)}");
    }

    /// <summary>Inserts the entity, or merges into / replaces the existing one.</summary>
    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken) =>
        WriteAsync(entity, mode, ifMatch: null, "Upserting", cancellationToken);

    /// <summary>
    /// Updates an existing entity if its ETag still matches <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any version):
    /// <see cref="TablePreconditionFailedException"/> if it changed, <see cref="TableResourceNotFoundException"/> if it is gone.
    /// </summary>
    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken) =>
        WriteAsync(entity, mode, ifMatch == default ? ETag.All : ifMatch, "Updating", cancellationToken);

    /// <summary>The entity, or null if it does not exist. <paramref name="select"/> limits the properties returned.</summary>
    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, IReadOnlyCollection<string>? select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        using var message = pipeline.CreateMessage(RequestMethod.Get, TablePipeline.EntityPath(Name, partitionKey, rowKey));
        if (select is { Count: > 0 })
        {
            message.Request.Uri.AppendQuery("$select", string.Join(',', select), escapeValue: true);
        }

        var response = await pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 200)
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            return TableEntityJson.Read(document.RootElement);
        }

        var error = TableErrors.FromResponse(response, $"Reading entity ('{partitionKey}', '{rowKey}') from table '{Name}'");
        return error is TableResourceNotFoundException { ErrorCode: TableErrors.ResourceNotFound } ? null : throw error;
    }

    /// <summary>Deletes the entity if its ETag matches (default: any version); false if it did not exist.</summary>
    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        using var message = pipeline.CreateMessage(RequestMethod.Delete, TablePipeline.EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch == default ? "*" : ifMatch.ToString());
        var response = await pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 204)
        {
            return true;
        }

        var error = TableErrors.FromResponse(response, $"Deleting entity ('{partitionKey}', '{rowKey}') from table '{Name}'");
        return error is TableResourceNotFoundException { ErrorCode: TableErrors.ResourceNotFound } ? false : throw error;
    }

    /// <summary>
    /// Entities matching <paramref name="filter"/> (build it with <see cref="TableFilter"/>), in key order, following
    /// continuation tokens across pages of at most <paramref name="pageSize"/> (service maximum 1000).
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter,
        IReadOnlyCollection<string>? select,
        int? pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? nextPartitionKey = null;
        string? nextRowKey = null;
        do
        {
            using var message = pipeline.CreateMessage(RequestMethod.Get, TablePipeline.TablePath(Name) + "()");
            var uri = message.Request.Uri;
            if (!string.IsNullOrEmpty(filter))
            {
                uri.AppendQuery("$filter", filter, escapeValue: true);
            }

            if (select is { Count: > 0 })
            {
                uri.AppendQuery("$select", string.Join(',', select), escapeValue: true);
            }

            if (pageSize is { } top)
            {
                uri.AppendQuery("$top", Math.Clamp(top, 1, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
            }

            if (nextPartitionKey is not null)
            {
                uri.AppendQuery("NextPartitionKey", nextPartitionKey, escapeValue: true);
            }

            if (nextRowKey is not null)
            {
                uri.AppendQuery("NextRowKey", nextRowKey, escapeValue: true);
            }

            var response = await pipeline.SendAsync(message, cancellationToken);
            if (response.Status != 200)
            {
                throw TableErrors.FromResponse(response, $"Querying table '{Name}'");
            }

            nextPartitionKey = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partitionToken) ? partitionToken : null;
            nextRowKey = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rowToken) ? rowToken : null;

            List<TableEntity> page;
            using (var document = JsonDocument.Parse(response.Content.ToMemory()))
            {
                page = document.RootElement.TryGetProperty("value", out var values)
                    ? values.EnumerateArray().Select(TableEntityJson.Read).ToList()
                    : [];
            }

            foreach (var entity in page)
            {
                yield return entity;
            }
        }
        while (nextPartitionKey is not null);
    }

    /// <summary>
    /// Commits the actions atomically (one partition, at most 100 actions and 4 MiB): all of them or none. A failure
    /// throws the mapped exception with <see cref="TableStorageException.FailedActionIndex"/> naming the culprit.
    /// </summary>
    public async Task SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ValidateTransaction(actions);
        var (body, contentType) = TableTransactionBatch.Build(pipeline, Name, actions);
        if (body.Length > TableTransactionBatch.MaxBodyBytes)
        {
            throw new ArgumentException(
                $"The transaction is {body.Length} bytes; Table storage accepts at most {TableTransactionBatch.MaxBodyBytes} bytes per transaction.",
                nameof(actions));
        }

        using var message = pipeline.CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 202)
        {
            throw TableErrors.FromResponse(response, $"Transaction on table '{Name}'");
        }

        TableTransactionBatch.ThrowIfFailed(response.Content.ToString(), Name);
    }

    private async Task<ETag> WriteAsync(TableEntity entity, TableUpdateMode mode, ETag? ifMatch, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var method = mode == TableUpdateMode.Merge ? Patch : RequestMethod.Put;
        using var message = pipeline.CreateMessage(method, TablePipeline.EntityPath(Name, entity.PartitionKey, entity.RowKey));
        SetJsonBody(message.Request, TableEntityJson.Serialize(entity));
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, etag.ToString());
        }

        var response = await pipeline.SendAsync(message, cancellationToken);
        return response.Status == 204
            ? ReadETag(response)
            : throw TableErrors.FromResponse(response, $"{verb} {Describe(entity)}");
    }

    private static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > TableTransactionBatch.MaxActions)
        {
            throw new ArgumentException($"A transaction needs 1 to {TableTransactionBatch.MaxActions} actions; got {actions.Count}.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        if (actions.Any(action => action.Entity.PartitionKey != partitionKey))
        {
            throw new ArgumentException("All actions of a transaction must target one partition.", nameof(actions));
        }

        if (actions.Select(action => action.Entity.RowKey).Distinct(StringComparer.Ordinal).Count() != actions.Count)
        {
            throw new ArgumentException("A transaction may touch each entity only once.", nameof(actions));
        }
    }

    private static void SetJsonBody(Request request, byte[] json)
    {
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(json);
    }

    private static ETag ReadETag(Response response) =>
        response.Headers.TryGetValue(HttpHeader.Names.ETag, out var etag) ? new ETag(etag) : default;

    private string Describe(TableEntity entity) => $"entity ('{entity.PartitionKey}', '{entity.RowKey}') in table '{Name}'";
}
