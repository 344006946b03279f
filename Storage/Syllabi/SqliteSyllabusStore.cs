using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Storage.Sqlite;

namespace DurableLessons.Storage.Syllabi;

/// <summary>Syllabi as rows of lessons.db (table <c>syllabi</c>, created on first use); a save with a known id replaces it.</summary>
internal sealed class SqliteSyllabusStore(SqliteLessonDatabase database) : ISyllabusStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS syllabi (
            id TEXT NOT NULL PRIMARY KEY,
            topic_level TEXT NOT NULL,
            created_at_ticks INTEGER NOT NULL,
            document TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS syllabi_by_topic_level ON syllabi (topic_level, created_at_ticks);
        """;

    private readonly SqliteSchema schema = new(database, Schema);

    public async Task SaveAsync(SyllabusDocument syllabus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(syllabus);
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await schema.EnsureAsync(write.Connection, cancellationToken);
        await using var command = write.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO syllabi (id, topic_level, created_at_ticks, document) VALUES ($id, $topicLevel, $createdAt, $document)
            ON CONFLICT (id) DO UPDATE SET topic_level = excluded.topic_level, created_at_ticks = excluded.created_at_ticks, document = excluded.document;
            """;
        command.Parameters.AddWithValue("$id", syllabus.Id);
        command.Parameters.AddWithValue("$topicLevel", SyllabusJson.TopicLevelKey(syllabus.Topic, syllabus.Level));
        command.Parameters.AddWithValue("$createdAt", syllabus.CreatedAt.UtcTicks);
        command.Parameters.AddWithValue("$document", SyllabusJson.Serialize(syllabus));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SyllabusDocument?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM syllabi WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? SyllabusJson.Deserialize(json) : null;
    }

    public async Task<SyllabusDocument?> FindLatestAsync(string topic, LessonLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM syllabi WHERE topic_level = $topicLevel ORDER BY created_at_ticks DESC LIMIT 1";
        command.Parameters.AddWithValue("$topicLevel", SyllabusJson.TopicLevelKey(topic, level));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? SyllabusJson.Deserialize(json) : null;
    }

    public void Dispose() => schema.Dispose();
}
