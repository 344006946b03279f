namespace DurableLessons.Shared.Lessons;

/// <summary>The public URLs of lessons, relative to the host (the same in both hosts).</summary>
public static class LessonRoutes
{
    public const string Collection = "/api/lessons";

    public static string Latest(LessonKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{Collection}/{Uri.EscapeDataString(key.Subject)}/{Uri.EscapeDataString(key.Topic)}?level={key.Level.ToWire()}";
    }

    public static string Version(LessonKey key, string version)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{Collection}/{Uri.EscapeDataString(key.Subject)}/{Uri.EscapeDataString(key.Topic)}/versions/{Uri.EscapeDataString(version)}?level={key.Level.ToWire()}";
    }
}
