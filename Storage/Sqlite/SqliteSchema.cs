using Microsoft.Data.Sqlite;

namespace DurableLessons.Storage.Sqlite;

/// <summary>
/// The tables of one store in lessons.db, created once on first use by whichever connection comes first, and the
/// statements the store runs on them: writes take the database's write turn, reads a connection of their own.
/// </summary>
internal sealed class SqliteSchema(SqliteLessonDatabase database, string schema) : IDisposable
{
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private volatile bool schemaReady;

    /// <summary>Runs <paramref name="sql"/> (one statement or several) in the write turn; returns the rows it changed.</summary>
    public async Task<int> WriteAsync(string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await EnsureAsync(write.Connection, cancellationToken);
        await using var command = Command(write.Connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The text in the first column of the first row <paramref name="sql"/> reads, or null when it reads none.</summary>
    public async Task<string?> ReadTextAsync(string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Every row <paramref name="sql"/> reads, in its order, each made by <paramref name="read"/>.</summary>
    public async Task<List<T>> ReadAllAsync<T>(
        string sql, IReadOnlyList<(string Name, object Value)> parameters, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public void Dispose() => schemaLock.Dispose();

    private static SqliteCommand Command(SqliteConnection connection, string sql, IReadOnlyList<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>A read connection on which the schema exists.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
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

    private async Task EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
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
}
