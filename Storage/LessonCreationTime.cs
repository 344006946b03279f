namespace DurableLessons.Storage;

/// <summary>
/// The creation time of a new version: now, cut to whole milliseconds (what every backend stores exactly), and never
/// earlier than the previous version's, so a lesson's latest version is also its newest.
/// </summary>
internal static class LessonCreationTime
{
    public static DateTimeOffset Next(TimeProvider time, DateTimeOffset? previous)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var truncated = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return previous is { } earlier && earlier > truncated ? earlier : truncated;
    }
}
