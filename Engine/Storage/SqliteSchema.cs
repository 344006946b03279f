namespace DurableLessons.Engine.Storage;

/// <summary>The database layout; see Engine/README.md for what each table holds.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    // Times are UTC ticks. AUTOINCREMENT keeps message and work-item ids from ever being reused, so a stale delete by id
    // can never hit a newer row.
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
            id INTEGER PRIMARY KEY AUTOINCREMENT,
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
            id INTEGER PRIMARY KEY AUTOINCREMENT,
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
