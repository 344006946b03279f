using Azure.Data.Tables;

namespace DurableLessons.Storage.TableStore;

/// <summary>
/// The lesson index (one partition, one row per lesson keyed by storage id) that stale listings scan. A row is written
/// before a lesson's first version is committed and only ever moved forward afterwards, so its time never exceeds the
/// lesson's real latest time: a scan for "older than" can over-select (then verified) but never miss a lesson.
/// </summary>
internal static class LessonIndexRows
{
    public const string PartitionKey = "lessons";

    public const string LatestMinor = nameof(LatestMinor);
    public const string LatestCreatedAt = nameof(LatestCreatedAt);

    /// <summary>The time of a lesson whose first version may not be committed yet (Table storage's earliest date).</summary>
    public static readonly DateTimeOffset Pending = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TableEntity Create(string storageId, int latestMinor, DateTimeOffset latestCreatedAt) => new(PartitionKey, storageId)
    {
        [LatestMinor] = latestMinor,
        [LatestCreatedAt] = latestCreatedAt,
    };
}
