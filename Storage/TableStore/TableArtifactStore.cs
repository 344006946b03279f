using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using DurableLessons.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Storage.TableStore;

/// <summary>
/// Artifacts in Table storage: one partition per key (<see cref="ArtifactPartitionKey"/>), rows "0000", "0001", … holding
/// content chunks; row "0000" also holds the chunk count. A put is one transaction that writes the new chunks and drops
/// leftovers of a longer earlier version, so readers see the old content or the new one, never a mix.
/// </summary>
internal sealed class TableArtifactStore(LessonTables tables, ILogger<TableArtifactStore> logger) : IArtifactStore
{
    private const string Key = nameof(Key);
    private const string Content = nameof(Content);
    private const string ChunkCount = nameof(ChunkCount);
    private const int MaxPutAttempts = 5;

    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey", Key];

    public async Task PutAsync(string key, string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(content);
        var chunks = TextChunks.Split(content);
        if (chunks.Count > TableTransactions.MaxActions)
        {
            throw new ArgumentException(
                $"Artifact '{key}' is too large for Table storage ({content.Length} characters; at most {TableTransactions.MaxActions * TextChunks.MaxChunkChars}).",
                nameof(content));
        }

        var artifacts = await tables.ArtifactsAsync(cancellationToken);
        var partitionKey = ArtifactPartitionKey.For(key);
        var writes = chunks.Select((chunk, index) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ChunkRow(partitionKey, key, index, chunk, chunks.Count))).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var newRows = writes.Select(write => write.Entity.RowKey).ToHashSet(StringComparer.Ordinal);
            var leftovers = new List<TableTransactionAction>();
            await foreach (var row in artifacts.QueryAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), ["PartitionKey", "RowKey"], cancellationToken))
            {
                if (!newRows.Contains(row.RowKey))
                {
                    leftovers.Add(new(TableTransactionActionType.Delete, new TableEntity(partitionKey, row.RowKey)));
                }
            }

            try
            {
                if (writes.Count + leftovers.Count <= TableTransactions.MaxActions)
                {
                    await TableTransactions.SubmitAsync(artifacts, [.. writes, .. leftovers], cancellationToken);
                }
                else
                {
                    // Readers stop at the chunk count, so leftovers beyond it are only garbage: remove them afterwards.
                    await TableTransactions.SubmitAsync(artifacts, writes, cancellationToken);
                    await DeleteRowsAsync(artifacts, leftovers.Select(action => action.Entity).ToList(), cancellationToken);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 404 && attempt < MaxPutAttempts)
            {
                // A leftover row vanished under a concurrent put or delete: list again.
            }
        }
    }

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var artifacts = await tables.ArtifactsAsync(cancellationToken);
        var partitionKey = ArtifactPartitionKey.For(key);
        var rows = new List<TableEntity>();
        await foreach (var row in artifacts.QueryAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), select: null, cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Count == 0 || rows[0].RowKey != ChunkRowKey(0))
        {
            return null;
        }

        var count = rows[0].GetInt32(ChunkCount) ?? 1;
        var content = new StringBuilder();
        for (var index = 0; index < count; index++)
        {
            if (index >= rows.Count || rows[index].RowKey != ChunkRowKey(index))
            {
                throw new InvalidDataException($"Artifact '{key}' is missing content chunk {index} of {count}.");
            }

            content.Append(rows[index].GetString(Content));
        }

        return content.ToString();
    }

    public async Task DeleteByPrefixAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var artifacts = await tables.ArtifactsAsync(cancellationToken);
        var (from, to) = ArtifactPartitionKey.RangeFor(keyPrefix);
        var doomed = new List<TableEntity>();
        await foreach (var row in artifacts.QueryAllAsync(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), KeyColumns, cancellationToken))
        {
            // The range is exact for short keys; for long, hashed keys the stored key decides.
            if (row.GetString(Key) is { } rowKey && rowKey.StartsWith(keyPrefix, StringComparison.Ordinal))
            {
                doomed.Add(row);
            }
        }

        foreach (var partition in doomed.GroupBy(row => row.PartitionKey, StringComparer.Ordinal))
        {
            await DeleteRowsAsync(artifacts, partition.ToList<ITableEntity>(), cancellationToken);
        }

        logger.LogDebug("Deleted {RowCount} artifact rows under prefix {ArtifactPrefix}", doomed.Count, keyPrefix);
    }

    private static async Task DeleteRowsAsync(TableClient artifacts, IReadOnlyList<ITableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.Chunk(TableTransactions.MaxActions))
        {
            try
            {
                await TableTransactions.SubmitAsync(artifacts, batch.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row)).ToList(), cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // Someone deleted part of it already; delete the rest one by one (missing rows are fine).
                foreach (var row in batch)
                {
                    await artifacts.DeleteEntityAsync(row.PartitionKey, row.RowKey, default, cancellationToken);
                }
            }
        }
    }

    private static TableEntity ChunkRow(string partitionKey, string key, int index, string chunk, int count)
    {
        var row = new TableEntity(partitionKey, ChunkRowKey(index)) { [Key] = key, [Content] = chunk };
        if (index == 0)
        {
            row[ChunkCount] = count;
        }

        return row;
    }

    private static string ChunkRowKey(int index) => index.ToString("D4", CultureInfo.InvariantCulture);
}
