using Microsoft.Data.Sqlite;

namespace DurableLessons.Storage.Sqlite;

/// <summary>The tables of one store in lessons.db, created once on first use by whichever connection comes first.</summary>
internal sealed class SqliteSchema(SqliteLessonDatabase database, string schema) : IDisposable
{
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private volatile bool schemaReady;

    /// <summary>A read connection on which the schema exists.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await EnsureAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (schemaReady)
        {
            return;
        }

        await schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!schemaReady)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = schema;
                await command.ExecuteNonQueryAsync(cancellationToken);
                schemaReady = true;
            }
        }
        finally
        {
            schemaLock.Release();
        }
    }

    public void Dispose() => schemaLock.Dispose();
}
