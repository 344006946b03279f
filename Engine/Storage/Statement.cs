using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DurableLessons.Engine.Storage;

/// <summary>
/// A prepared statement with positional parameters, reused for the life of its connection. Writes and scalar reads
/// go straight to SQLite (bind by index, step, reset): the engine's hot path runs thousands of these per second on
/// one writer thread, and <see cref="SqliteCommand"/> spent more time per call looking parameters up by name and
/// walking its statement list than SQLite spent executing. Reads that return rows use a prepared
/// <see cref="SqliteCommand"/> for its typed reader.
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _sql;
    private readonly string[] _parameterNames;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;
    private SqliteCommand? _command;
    private SqliteParameter[]? _parameters;

    public Statement(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _connection = connection;
        _sql = sql;
        _parameterNames = parameterNames;
        var database = Database;
        var prepared = raw.sqlite3_prepare_v2(database, sql, out _statement);
        if (prepared != raw.SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(prepared, database);
        }

        _indexes = new int[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, parameterNames[i]);
            if (_indexes[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"The statement has no parameter '{parameterNames[i]}': {sql}", nameof(parameterNames));
            }
        }
    }

    private sqlite3 Database => _connection.Handle ?? throw new InvalidOperationException("The connection is not open.");

    /// <returns>The number of rows the statement changed.</returns>
    public int Execute(params object?[] values)
    {
        Step(values, out _);
        return raw.sqlite3_changes(Database);
    }

    /// <summary>The first column of the first row, or null when there is no row (or the value is NULL).</summary>
    public long? ScalarInt64(params object?[] values) => Step(values, out var first) ? first : null;

    public SqliteDataReader Query(params object?[] values)
    {
        CheckCount(values);
        var command = Command();
        for (var i = 0; i < values.Length; i++)
        {
            _parameters![i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteReader();
    }

    /// <summary>Runs a statement with a RETURNING clause of one integer column.</summary>
    public List<long> ReturningIds(params object?[] values)
    {
        var ids = new List<long>();
        using var reader = Query(values);
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public void Dispose()
    {
        _command?.Dispose();
        _statement.Dispose();
    }

    /// <returns>True when the statement returned a row whose first column is not NULL; that value is <paramref name="first"/>.</returns>
    private bool Step(object?[] values, out long first)
    {
        CheckCount(values);
        var database = Database;
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Bind(_indexes[i], values[i]);
            }

            first = 0;
            var hasFirst = false;
            int result;
            while ((result = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                if (!hasFirst && raw.sqlite3_column_type(_statement, 0) != raw.SQLITE_NULL)
                {
                    first = raw.sqlite3_column_int64(_statement, 0);
                    hasFirst = true;
                }
            }

            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, database);
            }

            return hasFirst;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    private void Bind(int index, object? value)
    {
        var result = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => BindText(index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new ArgumentException($"Cannot bind a {value.GetType().Name} to a statement parameter.", nameof(value)),
        };
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, Database);
        }
    }

    /// <summary>
    /// Binds text as UTF-8 encoded into a stack or pooled buffer (SQLite copies it): the string overload of
    /// SQLitePCL allocates a new array for every value bound, several per write.
    /// </summary>
    private int BindText(int index, string text)
    {
        const int StackLimit = 512;
        if (text.Length == 0)
        {
            // An empty span is a null pointer to SQLite, which would bind NULL instead of ''.
            return raw.sqlite3_bind_text(_statement, index, text);
        }

        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            var written = Encoding.UTF8.GetBytes(text, buffer);
            return raw.sqlite3_bind_text(_statement, index, buffer[..written]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            return raw.sqlite3_bind_text(_statement, index, rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private SqliteCommand Command()
    {
        if (_command is null)
        {
            var command = _connection.CreateCommand();
            command.CommandText = _sql;
            var parameters = new SqliteParameter[_parameterNames.Length];
            for (var i = 0; i < _parameterNames.Length; i++)
            {
                parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = _parameterNames[i] });
            }

            command.Prepare();
            _parameters = parameters;
            _command = command;
        }

        return _command;
    }

    private void CheckCount(object?[] values)
    {
        if (values.Length != _indexes.Length)
        {
            throw new ArgumentException($"Expected {_indexes.Length} values, got {values.Length}.", nameof(values));
        }
    }
}
