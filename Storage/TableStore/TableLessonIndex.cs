using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Storage.TableStore;

/// <summary>Maintains and scans the lesson index (see <see cref="LessonIndexRows"/>) for stale listings.</summary>
internal sealed class TableLessonIndex(LessonTables tables, ILogger<TableLessonIndex> logger)
{
    private const int MaxUpdateAttempts = 100;

    /// <summary>Puts the lesson in the index before its first version can exist, so no crash can leave a lesson unindexed.</summary>
    public async Task RegisterAsync(string storageId, CancellationToken cancellationToken)
    {
        var index = await tables.IndexAsync(cancellationToken);
        try
        {
            await index.AddEntityAsync(LessonIndexRows.Create(storageId, -1, LessonIndexRows.Pending), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Already indexed (an earlier or concurrent first save).
        }
    }

    /// <summary>Moves a lesson's row forward to a committed version; never backward, whatever order concurrent saves finish in.</summary>
    public async Task AdvanceAsync(string storageId, int minor, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var index = await tables.IndexAsync(cancellationToken);
        for (var attempt = 1; attempt <= MaxUpdateAttempts; attempt++)
        {
            var row = await index.FindAsync(LessonIndexRows.PartitionKey, storageId, select: null, cancellationToken);
            if (row is not null && (row.GetInt32(LessonIndexRows.LatestMinor) ?? -1) >= minor)
            {
                return;
            }

            try
            {
                var updated = LessonIndexRows.Create(storageId, minor, createdAt);
                if (row is null)
                {
                    await index.AddEntityAsync(updated, cancellationToken);
                }
                else
                {
                    await index.UpdateEntityAsync(updated, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                await ConflictBackoff.DelayAsync(attempt, cancellationToken);
            }
        }

        // The version is committed; a lagging index row only costs a verification read in stale listings.
        logger.LogWarning("Lesson index row {StorageId} could not be advanced to version {Version}", storageId, LessonVersionNumber.Format(minor));
    }

    /// <summary>Every lesson whose indexed time is before the cutoff: a superset of the stale lessons, to be verified.</summary>
    public async Task<IReadOnlyList<(string StorageId, int IndexedMinor)>> CandidatesAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var index = await tables.IndexAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LessonIndexRows.PartitionKey} and LatestCreatedAt lt {createdBefore}");
        var candidates = new List<(string, int)>();
        await foreach (var row in index.QueryAllAsync(filter, ["RowKey", LessonIndexRows.LatestMinor], cancellationToken))
        {
            candidates.Add((row.RowKey, row.GetInt32(LessonIndexRows.LatestMinor) ?? -1));
        }

        return candidates;
    }
}
