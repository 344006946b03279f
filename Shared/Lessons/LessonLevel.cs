namespace DurableLessons.Shared.Lessons;

/// <summary>Difficulty, easiest first; the wire form is the lower-case name.</summary>
public enum LessonLevel
{
    Beginner = 0,
    Intermediate = 1,
    Advanced = 2,
    Expert = 3,
}

public static class LessonLevels
{
    public static IReadOnlyList<string> Names { get; } = ["beginner", "intermediate", "advanced", "expert"];

    public static string ToWire(this LessonLevel level) => Names[(int)level];

    public static bool TryParse(string? value, out LessonLevel level)
    {
        var index = value is null ? -1 : IndexOf(value.Trim());
        level = index < 0 ? default : (LessonLevel)index;
        return index >= 0;
    }

    /// <summary>The next easier level, or null at <see cref="LessonLevel.Beginner"/>.</summary>
    public static LessonLevel? Easier(this LessonLevel level) => level == LessonLevel.Beginner ? null : level - 1;

    private static int IndexOf(string value)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
