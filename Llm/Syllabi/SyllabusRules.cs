using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;

namespace DurableLessons.Llm.Syllabi;

/// <summary>What a usable syllabus plan is; a model reply that breaks a rule is invalid output (the chain falls back).</summary>
internal static class SyllabusRules
{
    public const int MaxModules = 8;
    public const int MaxLessonsPerModule = 10;
    public const int MaxTitleLength = 100;

    public static void Check(SyllabusPlan plan)
    {
        if (plan.Modules is not { Count: > 0 and <= MaxModules })
        {
            throw new InvalidModelOutputException($"a syllabus needs 1 to {MaxModules} modules");
        }

        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in plan.Modules)
        {
            if (string.IsNullOrWhiteSpace(module.Title))
            {
                throw new InvalidModelOutputException("a module has no title");
            }

            if (module.Lessons is not { Count: > 0 and <= MaxLessonsPerModule })
            {
                throw new InvalidModelOutputException($"module '{module.Title}' needs 1 to {MaxLessonsPerModule} lessons");
            }

            foreach (var lesson in module.Lessons)
            {
                var title = LessonKey.Normalize(lesson.Title ?? string.Empty);
                if (title.Length is 0 or > MaxTitleLength)
                {
                    throw new InvalidModelOutputException($"a lesson title must have 1 to {MaxTitleLength} characters");
                }

                if (!titles.Add(title))
                {
                    throw new InvalidModelOutputException($"the lesson title '{lesson.Title}' is used twice");
                }

                if (lesson.EstimatedMinutes is < 5 or > 240)
                {
                    throw new InvalidModelOutputException($"lesson '{lesson.Title}' must take 5 to 240 minutes");
                }

                if (lesson.Objectives is not { Count: > 0 } || lesson.Objectives.Any(string.IsNullOrWhiteSpace))
                {
                    throw new InvalidModelOutputException($"lesson '{lesson.Title}' needs learning objectives");
                }
            }
        }
    }
}
