using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace DurableLessons.Storage.Syllabi;

/// <summary>
/// Owners in lessons.db, table <c>syllabus_owners</c> (created on first use), next to <c>syllabi</c> rather than in it
/// so that syllabi saved before owners existed read as they did.
/// </summary>
internal sealed class SqliteSyllabusOwners(SqliteLessonDatabase database) : ISyllabusOwners, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS syllabus_owners (
            syllabus_id TEXT NOT NULL PRIMARY KEY,
            owner_key TEXT NOT NULL,
            topic TEXT NOT NULL,
            level INTEGER NOT NULL,
            shared INTEGER NOT NULL DEFAULT 0,
            created_at_ticks INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS syllabus_owners_by_owner ON syllabus_owners (owner_key, created_at_ticks);
        """;

    private const string Columns = "syllabus_id, owner_key, topic, level, shared, created_at_ticks";

    private readonly SqliteSchema schema = new(database, Schema);

    public async Task<SyllabusOwner> ClaimAsync(SyllabusOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await schema.WriteAsync(
            $"""
            INSERT INTO syllabus_owners ({Columns}) VALUES ($id, $owner, $topic, $level, $shared, $createdAt)
            ON CONFLICT (syllabus_id) DO NOTHING;
            """,
            [
                ("$id", owner.SyllabusId),
                ("$owner", owner.OwnerKey),
                ("$topic", owner.Topic),
                ("$level", (int)owner.Level),
                ("$shared", owner.Shared ? 1 : 0),
                ("$createdAt", owner.CreatedAt.UtcTicks),
            ],
            cancellationToken);
        return await GetAsync(owner.SyllabusId, cancellationToken)
            ?? throw new InvalidOperationException($"The owner of syllabus '{owner.SyllabusId}' was not stored.");
    }

    public async Task<SyllabusOwner?> GetAsync(string syllabusId, CancellationToken cancellationToken)
    {
        var owners = await QueryAsync($"SELECT {Columns} FROM syllabus_owners WHERE syllabus_id = $key", syllabusId, cancellationToken);
        return owners.Count == 0 ? null : owners[0];
    }

    public Task ShareAsync(string syllabusId, CancellationToken cancellationToken) =>
        schema.WriteAsync("UPDATE syllabus_owners SET shared = 1 WHERE syllabus_id = $id", [("$id", syllabusId)], cancellationToken);

    public Task<IReadOnlyList<SyllabusOwner>> ListAsync(string ownerKey, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM syllabus_owners WHERE owner_key = $key ORDER BY created_at_ticks DESC", ownerKey, cancellationToken);

    public void Dispose() => schema.Dispose();

    private async Task<IReadOnlyList<SyllabusOwner>> QueryAsync(string query, string key, CancellationToken cancellationToken) =>
        await schema.ReadAllAsync(query, [("$key", key)], Read, cancellationToken);

    private static SyllabusOwner Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        (LessonLevel)reader.GetInt32(3),
        reader.GetInt32(4) != 0,
        new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero));
}
