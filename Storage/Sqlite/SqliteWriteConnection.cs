using Microsoft.Data.Sqlite;

namespace DurableLessons.Storage.Sqlite;

/// <summary>A connection that holds lessons.db's single write turn until it is disposed.</summary>
internal sealed class SqliteWriteConnection(SqliteConnection connection, SemaphoreSlim writeTurn) : IAsyncDisposable
{
    private int _disposed;

    public SqliteConnection Connection { get; } = connection;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                await Connection.DisposeAsync();
            }
            finally
            {
                writeTurn.Release();
            }
        }
    }
}
