using System.Text.Json;
using Azure.Data.Tables;

namespace DurableLessons.Storage.TableStore;

/// <summary>
/// Entity-group transactions with Table storage's rules checked before anything is sent: 1 to 100 actions, each entity
/// once, ONE partition, at most 4 MiB. The SDK leaves these to the service, and Azurite accepts cross-partition batches
/// that Azure rejects, so a store could pass every test on the emulator and fail in production.
/// </summary>
internal static class TableTransactions
{
    public const int MaxActions = 100;

    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Room for each action's sub-request line and headers in the multipart body.</summary>
    private const int ActionOverheadBytes = 512;

    public static async Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        Validate(actions);
        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A transaction needs 1 to {MaxActions} actions; got {actions.Count}.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var stray = actions.FirstOrDefault(action => !string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal));
        if (stray is not null)
        {
            throw new ArgumentException(
                $"All actions of a transaction must target one partition: '{partitionKey}' and '{stray.Entity.PartitionKey}' differ. " +
                "Table storage rejects such a transaction (Azurite does not).",
                nameof(actions));
        }

        if (actions.Select(action => action.Entity.RowKey).Distinct(StringComparer.Ordinal).Count() != actions.Count)
        {
            throw new ArgumentException("A transaction may touch each entity only once.", nameof(actions));
        }

        var bytes = actions.Sum(action => ActionOverheadBytes + (action.Entity is TableEntity entity ? JsonSerializer.SerializeToUtf8Bytes(entity).Length : 0));
        if (bytes > MaxBodyBytes)
        {
            throw new ArgumentException(
                $"The transaction is about {bytes} bytes; Table storage accepts at most {MaxBodyBytes} bytes per transaction.", nameof(actions));
        }
    }
}
