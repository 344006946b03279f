using Azure.Data.Tables;

namespace DurableLessons.Storage.TableStore;

/// <summary>A table that is created on first use (once per process; a failed attempt is retried by the next caller).</summary>
internal sealed class ProvisionedTable(TableClient table) : IDisposable
{
    private readonly SemaphoreSlim creation = new(1, 1);
    private volatile bool created;

    public async ValueTask<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return table;
        }

        await creation.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await table.CreateIfNotExistsAsync(cancellationToken);
                created = true;
            }
        }
        finally
        {
            creation.Release();
        }

        return table;
    }

    public void Dispose() => creation.Dispose();
}
