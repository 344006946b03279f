namespace DurableLessons.Engine.Storage;

/// <summary>The database layout; see Engine/README.md for what each table holds.</summary>
internal static class SqliteSchema
{
    /// <summary>The version new databases get.</summary>
    public const int Version = 2;

    /// <summary>
    /// Versions this engine opens. Version 1 made message and work-item ids <c>AUTOINCREMENT</c>, which rewrites the
    /// <c>sqlite_sequence</c> page in every transaction that queues a message; the writer now hands the ids out itself
    /// (<see cref="WriterSession"/>), so the keyword only costs a page there, and version 1 files are used as they are.
    /// </summary>
    public static readonly IReadOnlySet<string> Readable = new HashSet<string>(StringComparer.Ordinal) { "1", "2" };

    // Times are UTC ticks. Message and work-item ids are never reused while the engine runs, so a stale delete by id
    // can never hit a newer row: the writer gives each new row the next id above every id used since it opened
    // (from the highest stored id, or sqlite_sequence's in a version 1 file, at start). Ids are only held in memory,
    // so none outlives a restart.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS instances (
            instance_id TEXT PRIMARY KEY,
            execution_id TEXT NOT NULL,
            name TEXT NOT NULL,
            status INTEGER NOT NULL,
            input TEXT,
            output TEXT,
            custom_status TEXT,
            failure TEXT,
            created_at INTEGER NOT NULL,
            last_updated_at INTEGER NOT NULL,
            parent_instance_id TEXT,
            parent_name TEXT,
            parent_execution_id TEXT,
            parent_task_id INTEGER,
            version INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_instances_created ON instances (created_at DESC, instance_id DESC);
        CREATE INDEX IF NOT EXISTS ix_instances_parent ON instances (parent_instance_id) WHERE parent_instance_id IS NOT NULL;

        CREATE TABLE IF NOT EXISTS journal (
            instance_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            event_type TEXT NOT NULL,
            task_id INTEGER,
            name TEXT,
            payload TEXT,
            failure TEXT,
            timestamp INTEGER NOT NULL,
            fire_at INTEGER,
            target TEXT,
            PRIMARY KEY (instance_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS inbox (
            id INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            execution_id TEXT,
            kind TEXT NOT NULL,
            task_id INTEGER,
            name TEXT,
            payload TEXT,
            failure TEXT,
            flags INTEGER NOT NULL,
            visible_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_inbox_instance ON inbox (instance_id, id);

        CREATE TABLE IF NOT EXISTS activities (
            id INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            execution_id TEXT NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            input TEXT,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_activities_instance ON activities (instance_id, task_id);

        CREATE TABLE IF NOT EXISTS traces (
            instance_id TEXT PRIMARY KEY,
            trace_parent TEXT NOT NULL,
            trace_state TEXT,
            execution_started_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;
}
