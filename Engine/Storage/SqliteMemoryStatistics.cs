using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace DurableLessons.Engine.Storage;

/// <summary>
/// SQLite keeps memory statistics by default (<c>SQLITE_CONFIG_MEMSTATUS</c>): every allocation and free inside
/// SQLite then takes a process-wide mutex and asks the allocator for the block's size, so the engine's writer, its
/// readers and the checkpointer contend on one lock for every row they touch. Nothing here reads those statistics
/// (no soft heap limit, no <c>sqlite3_memory_used</c>). Turning them off raised orchestrations/s by 8–27 % in an A/B
/// (bench/README.md, fifth pass).
/// </summary>
public static class SqliteMemoryStatistics
{
    /// <summary>
    /// Turns the statistics off for the process. SQLite accepts this only before its first connection opens
    /// (<c>sqlite3_initialize</c>); afterwards it answers SQLITE_MISUSE, changes nothing, and SQLite works as before.
    /// </summary>
    public static void Disable(ILogger logger)
    {
        // The bundle sets the provider (idempotent); Microsoft.Data.Sqlite does the same on its first connection.
        Batteries_V2.Init();
        var result = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        if (result != raw.SQLITE_OK)
        {
            logger.LogDebug(
                "SQLite's memory statistics setting is left as it is: SQLite had started in this process before the engine opened its database (result {Result})",
                result);
        }
    }
}
