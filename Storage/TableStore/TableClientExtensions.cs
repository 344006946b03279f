using Azure.Data.Tables;

namespace DurableLessons.Storage.TableStore;

internal static class TableClientExtensions
{
    /// <summary>The entity, or null if it does not exist; <paramref name="select"/> limits the properties returned.</summary>
    public static async Task<TableEntity?> FindAsync(
        this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every entity matching the filter (from <see cref="TableClient.CreateQueryFilter(FormattableString)"/>), across pages.</summary>
    public static IAsyncEnumerable<TableEntity> QueryAllAsync(
        this TableClient table, string filter, IEnumerable<string>? select, CancellationToken cancellationToken) =>
        table.QueryAsync<TableEntity>(filter, maxPerPage: null, select, cancellationToken);
}
