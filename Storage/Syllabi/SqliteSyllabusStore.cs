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
        await schema.WriteAsync(
            """
            INSERT INTO syllabi (id, topic_level, created_at_ticks, document) VALUES ($id, $topicLevel, $createdAt, $document)
            ON CONFLICT (id) DO UPDATE SET topic_level = excluded.topic_level, created_at_ticks = excluded.created_at_ticks, document = excluded.document;
            """,
            [
                ("$id", syllabus.Id),
                ("$topicLevel", SyllabusJson.TopicLevelKey(syllabus.Topic, syllabus.Level)),
                ("$createdAt", syllabus.CreatedAt.UtcTicks),
                ("$document", SyllabusJson.Serialize(syllabus)),
            ],
            cancellationToken);
    }

    public async Task<SyllabusDocument?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return await schema.ReadTextAsync("SELECT document FROM syllabi WHERE id = $id", [("$id", id)], cancellationToken)
            is { } json ? SyllabusJson.Deserialize(json) : null;
    }

    public async Task<SyllabusDocument?> FindLatestAsync(string topic, LessonLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return await schema.ReadTextAsync(
            "SELECT document FROM syllabi WHERE topic_level = $topicLevel ORDER BY created_at_ticks DESC LIMIT 1",
            [("$topicLevel", SyllabusJson.TopicLevelKey(topic, level))],
            cancellationToken) is { } json ? SyllabusJson.Deserialize(json) : null;
    }

    public void Dispose() => schema.Dispose();
}
