using DurableLessons.Http.Lessons;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;

namespace DurableLessons.Http.Regeneration;

/// <summary>
/// Checks the lessons a regeneration request names with the same rules as a lesson request, so a flagged lesson
/// is one that could have been generated (no blank, invisible or overlong subject or topic, a known level).
/// </summary>
public static class RegenerationRequestValidator
{
    public static Dictionary<string, string[]> Validate(IReadOnlyList<LessonRef?> lessons)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < lessons.Count; i++)
        {
            var field = $"lessons[{i}]";
            var lesson = lessons[i];
            var problems = new Dictionary<string, string[]>();
            LessonRequestValidator.ValidateRouteText(lesson?.Subject, "subject", problems);
            LessonRequestValidator.ValidateRouteText(lesson?.Topic, "topic", problems);
            if (!LessonLevels.TryParse(lesson?.Level, out _))
            {
                problems["level"] = [$"One of {string.Join(", ", LessonLevels.Names)}."];
            }

            if (problems.Count > 0)
            {
                errors[field] = ["Name a lesson by subject, topic and level.", .. problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")];
            }
        }

        return errors;
    }
}
