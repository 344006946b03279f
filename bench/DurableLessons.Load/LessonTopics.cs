using System.Globalization;

namespace DurableLessons.Load;

/// <summary>
/// Distinct lesson keys (the starter is a singleton per key) whose research finds notes in the shipped corpus:
/// a corpus subject and topic word, plus the lesson's number.
/// </summary>
internal static class LessonTopics
{
    private static readonly (string Subject, string Topic)[] Bases =
    [
        ("english", "irregular verbs"),
        ("math", "fractions"),
        ("science", "photosynthesis"),
        ("programming", "sql joins"),
    ];

    public static (string Subject, string Topic) For(int number)
    {
        var (subject, topic) = Bases[number % Bases.Length];
        return (subject, $"{topic} load {number.ToString(CultureInfo.InvariantCulture)}");
    }
}
