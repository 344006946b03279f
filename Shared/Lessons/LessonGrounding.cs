namespace DurableLessons.Shared.Lessons;

/// <summary>What a lesson's content rests on (<see cref="LessonDocument.Grounding"/>).</summary>
public static class LessonGrounding
{
    /// <summary>Written from research notes, which its sections cite.</summary>
    public const string Notes = "notes";

    /// <summary>
    /// No source knew the topic, so a language model wrote it from its own knowledge: nothing in it was checked
    /// against a source and it has no citations.
    /// </summary>
    public const string None = "none";
}
