using DurableLessons.Shared.Lessons;

namespace DurableLessons.Llm.Practice;

internal static class PracticeCitations
{
    /// <summary>The lesson's citations with these ids, in the lesson's order.</summary>
    public static IReadOnlyList<Citation> Of(LessonDocument lesson, IEnumerable<int> ids)
    {
        var wanted = ids.ToHashSet();
        return lesson.Citations.Where(citation => wanted.Contains(citation.Id)).ToList();
    }
}
