using DurableLessons.Shared.Practice;
using DurableLessons.Storage.Sqlite;

namespace DurableLessons.Storage.Practice;

/// <summary>
/// Transcripts in lessons.db (tables <c>practice_turns</c>, <c>practice_inbox</c> and <c>practice_summaries</c>, created on
/// first use). The unique key (session, message id) makes appends idempotent; the row id keeps the order of arrival.
/// </summary>
internal sealed class SqlitePracticeStore(SqliteLessonDatabase database) : IPracticeStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS practice_turns (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            turn TEXT NOT NULL,
            UNIQUE (session_id, message_id)
        );
        CREATE TABLE IF NOT EXISTS practice_inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            message TEXT NOT NULL,
            UNIQUE (session_id, message_id)
        );
        CREATE TABLE IF NOT EXISTS practice_summaries (
            session_id TEXT NOT NULL PRIMARY KEY,
            summary TEXT NOT NULL
        );
        """;

    private readonly SqliteSchema schema = new(database, Schema);

    public async Task<PracticeTurn> AppendTurnAsync(string sessionId, PracticeTurn turn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(turn);
        await using (var write = await database.OpenForWriteAsync(cancellationToken))
        {
            await schema.EnsureAsync(write.Connection, cancellationToken);
            await using var command = write.Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO practice_turns (session_id, message_id, turn) VALUES ($session, $message, $turn)
                ON CONFLICT (session_id, message_id) DO NOTHING;
                """;
            command.Parameters.AddWithValue("$session", sessionId);
            command.Parameters.AddWithValue("$message", turn.MessageId);
            command.Parameters.AddWithValue("$turn", PracticeJson.Serialize(turn));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await FindTurnAsync(sessionId, turn.MessageId, cancellationToken)
            ?? throw new InvalidOperationException($"Turn '{turn.MessageId}' of session '{sessionId}' was not stored.");
    }

    public async Task<PracticeTurn?> FindTurnAsync(string sessionId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT turn FROM practice_turns WHERE session_id = $session AND message_id = $message";
        command.Parameters.AddWithValue("$session", sessionId);
        command.Parameters.AddWithValue("$message", messageId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? PracticeJson.Deserialize<PracticeTurn>(json) : null;
    }

    public async Task<IReadOnlyList<PracticeTurn>> GetTranscriptAsync(string sessionId, CancellationToken cancellationToken)
    {
        return await ReadAllAsync<PracticeTurn>("SELECT turn FROM practice_turns WHERE session_id = $session ORDER BY seq", sessionId, cancellationToken);
    }

    public async Task AddMessageAsync(string sessionId, PracticeMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(message);
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await schema.EnsureAsync(write.Connection, cancellationToken);
        await using var command = write.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO practice_inbox (session_id, message_id, message) VALUES ($session, $message, $json)
            ON CONFLICT (session_id, message_id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$session", sessionId);
        command.Parameters.AddWithValue("$message", message.MessageId);
        command.Parameters.AddWithValue("$json", PracticeJson.Serialize(message));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PracticeMessage>> GetMessagesAsync(string sessionId, CancellationToken cancellationToken)
    {
        return await ReadAllAsync<PracticeMessage>("SELECT message FROM practice_inbox WHERE session_id = $session ORDER BY seq", sessionId, cancellationToken);
    }

    public async Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await schema.EnsureAsync(write.Connection, cancellationToken);
        await using var command = write.Connection.CreateCommand();
        command.CommandText = """
            DELETE FROM practice_turns WHERE session_id = $session;
            DELETE FROM practice_inbox WHERE session_id = $session;
            DELETE FROM practice_summaries WHERE session_id = $session;
            """;
        command.Parameters.AddWithValue("$session", sessionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveSummaryAsync(PracticeSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await schema.EnsureAsync(write.Connection, cancellationToken);
        await using var command = write.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO practice_summaries (session_id, summary) VALUES ($session, $summary)
            ON CONFLICT (session_id) DO UPDATE SET summary = excluded.summary;
            """;
        command.Parameters.AddWithValue("$session", summary.SessionId);
        command.Parameters.AddWithValue("$summary", PracticeJson.Serialize(summary));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PracticeSummary?> GetSummaryAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT summary FROM practice_summaries WHERE session_id = $session";
        command.Parameters.AddWithValue("$session", sessionId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? PracticeJson.Deserialize<PracticeSummary>(json) : null;
    }

    public async Task<IReadOnlyList<PracticeSummary>> ListSummariesAsync(string sessionIdPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionIdPrefix);
        // A range on the primary key rather than LIKE, whose '_' and '%' a prefix may hold.
        return await ReadAllAsync<PracticeSummary>(
            "SELECT summary FROM practice_summaries WHERE session_id >= $session AND session_id < $session || char(1114111) ORDER BY session_id",
            sessionIdPrefix,
            cancellationToken);
    }

    public void Dispose() => schema.Dispose();

    private async Task<List<T>> ReadAllAsync<T>(string query, string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        command.Parameters.AddWithValue("$session", sessionId);
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(PracticeJson.Deserialize<T>(reader.GetString(0)));
        }

        return values;
    }
}
