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
        await AppendOnceAsync("practice_turns", "turn", sessionId, turn.MessageId, PracticeJson.Serialize(turn), cancellationToken);
        return await FindTurnAsync(sessionId, turn.MessageId, cancellationToken)
            ?? throw new InvalidOperationException($"Turn '{turn.MessageId}' of session '{sessionId}' was not stored.");
    }

    public async Task<PracticeTurn?> FindTurnAsync(string sessionId, string messageId, CancellationToken cancellationToken) =>
        await schema.ReadTextAsync(
            "SELECT turn FROM practice_turns WHERE session_id = $session AND message_id = $message",
            [("$session", sessionId), ("$message", messageId)],
            cancellationToken) is { } json ? PracticeJson.Deserialize<PracticeTurn>(json) : null;

    public async Task<IReadOnlyList<PracticeTurn>> GetTranscriptAsync(string sessionId, CancellationToken cancellationToken) =>
        await ReadAllAsync<PracticeTurn>("SELECT turn FROM practice_turns WHERE session_id = $session ORDER BY seq", sessionId, cancellationToken);

    public async Task AddMessageAsync(string sessionId, PracticeMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(message);
        await AppendOnceAsync("practice_inbox", "message", sessionId, message.MessageId, PracticeJson.Serialize(message), cancellationToken);
    }

    public async Task<IReadOnlyList<PracticeMessage>> GetMessagesAsync(string sessionId, CancellationToken cancellationToken) =>
        await ReadAllAsync<PracticeMessage>("SELECT message FROM practice_inbox WHERE session_id = $session ORDER BY seq", sessionId, cancellationToken);

    public Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        schema.WriteAsync(
            """
            DELETE FROM practice_turns WHERE session_id = $session;
            DELETE FROM practice_inbox WHERE session_id = $session;
            DELETE FROM practice_summaries WHERE session_id = $session;
            """,
            [("$session", sessionId)],
            cancellationToken);

    public async Task SaveSummaryAsync(PracticeSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await schema.WriteAsync(
            """
            INSERT INTO practice_summaries (session_id, summary) VALUES ($session, $summary)
            ON CONFLICT (session_id) DO UPDATE SET summary = excluded.summary;
            """,
            [("$session", summary.SessionId), ("$summary", PracticeJson.Serialize(summary))],
            cancellationToken);
    }

    public async Task<PracticeSummary?> GetSummaryAsync(string sessionId, CancellationToken cancellationToken) =>
        await schema.ReadTextAsync("SELECT summary FROM practice_summaries WHERE session_id = $session", [("$session", sessionId)], cancellationToken)
            is { } json ? PracticeJson.Deserialize<PracticeSummary>(json) : null;

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

    /// <summary>Appends a turn or a message as JSON; the unique (session, message id) makes a repeat do nothing.</summary>
    private Task<int> AppendOnceAsync(string table, string column, string sessionId, string messageId, string json, CancellationToken cancellationToken) =>
        schema.WriteAsync(
            $"""
            INSERT INTO {table} (session_id, message_id, {column}) VALUES ($session, $message, $json)
            ON CONFLICT (session_id, message_id) DO NOTHING;
            """,
            [("$session", sessionId), ("$message", messageId), ("$json", json)],
            cancellationToken);

    private Task<List<T>> ReadAllAsync<T>(string query, string sessionId, CancellationToken cancellationToken) =>
        schema.ReadAllAsync(query, [("$session", sessionId)], reader => PracticeJson.Deserialize<T>(reader.GetString(0)), cancellationToken);
}
