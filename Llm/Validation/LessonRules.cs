using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Llm.Validation;

/// <summary>
/// What a usable step result looks like. Every model reply passes through these checks; a reply that fails one is
/// treated like a failure of the provider that sent it.
/// </summary>
internal static class LessonRules
{
    public const int MaxObjectives = 10;
    public const int MaxSections = 12;
    public const int MaxKeyPoints = 10;
    public const int MaxExercises = 12;
    public const int MaxQuestions = 15;
    public const int MinChoices = 2;
    public const int MaxChoices = 6;
    public const int MaxTitleLength = 200;

    public static void CheckOutline(LessonOutline outline)
    {
        RequireText(outline.Title, "title");
        if (outline.Title.Length > MaxTitleLength)
        {
            Fail($"title is longer than {MaxTitleLength} characters");
        }

        RequireText(outline.Summary, "summary");
        RequireCount(outline.Objectives, 1, MaxObjectives, "objectives");
        RequireTexts(outline.Objectives, "objectives");
        RequireCount(outline.Sections, 1, MaxSections, "sections");
        for (var i = 0; i < outline.Sections.Count; i++)
        {
            var section = outline.Sections[i];
            RequireText(section.Heading, $"sections[{i}].heading");
            RequireCount(section.KeyPoints, 1, MaxKeyPoints, $"sections[{i}].keyPoints");
            RequireTexts(section.KeyPoints, $"sections[{i}].keyPoints");
        }
    }

    /// <summary>One section per outline section, each with a body and citations of notes that exist.</summary>
    public static void CheckSections(IReadOnlyList<LessonSection> sections, LessonOutline outline, IReadOnlySet<int> noteIds)
    {
        RequireCount(sections, 1, MaxSections, "sections");
        if (sections.Count != outline.Sections.Count)
        {
            Fail($"sections has {sections.Count} entries but the outline has {outline.Sections.Count} sections");
        }

        CheckSectionBodies(sections, noteIds);
    }

    public static void CheckExercises(IReadOnlyList<Exercise> exercises, string path = "exercises")
    {
        RequireCount(exercises, 1, MaxExercises, path);
        for (var i = 0; i < exercises.Count; i++)
        {
            RequireText(exercises[i].Prompt, $"{path}[{i}].prompt");
            RequireText(exercises[i].Answer, $"{path}[{i}].answer");
        }
    }

    public static void CheckQuiz(IReadOnlyList<QuizQuestion> questions, string path = "questions")
    {
        RequireCount(questions, 1, MaxQuestions, path);
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var at = $"{path}[{i}]";
            RequireText(question.Question, $"{at}.question");
            RequireCount(question.Choices, MinChoices, MaxChoices, $"{at}.choices");
            RequireTexts(question.Choices, $"{at}.choices");
            if (question.Choices.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != question.Choices.Count)
            {
                Fail($"{at}.choices contains the same choice twice");
            }

            if (question.AnswerIndex < 0 || question.AnswerIndex >= question.Choices.Count)
            {
                Fail($"{at}.answerIndex is {question.AnswerIndex}, outside the {question.Choices.Count} choices");
            }

            RequireText(question.Explanation, $"{at}.explanation");
        }
    }

    /// <summary>A reviewed draft: complete, and citing only notes that exist.</summary>
    public static void CheckReview(ReviewResult review, LessonDraft original, IReadOnlySet<int> noteIds)
    {
        var draft = review.Draft;
        CheckOutline(draft.Outline);
        CheckSectionBodies(draft.Sections, noteIds, "draft.sections");
        if (original.Exercises.Count > 0)
        {
            CheckExercises(draft.Exercises, "draft.exercises");
        }

        if (original.Quiz.Count > 0)
        {
            CheckQuiz(draft.Quiz, "draft.quiz");
        }

        RequireTexts(review.Notes, "changes");
    }

    private static void CheckSectionBodies(IReadOnlyList<LessonSection> sections, IReadOnlySet<int> noteIds, string path = "sections")
    {
        RequireCount(sections, 1, MaxSections, path);
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var at = $"{path}[{i}]";
            RequireText(section.Heading, $"{at}.heading");
            RequireText(section.Body, $"{at}.body");
            if (noteIds.Count > 0 && section.CitationIds.Count == 0)
            {
                Fail($"{at}.citationIds is empty; every section must cite the notes it relies on");
            }

            foreach (var id in section.CitationIds)
            {
                if (!noteIds.Contains(id))
                {
                    Fail($"{at}.citationIds contains {id}, which is not the number of a research note ({Describe(noteIds)})");
                }
            }
        }
    }

    private static string Describe(IReadOnlySet<int> noteIds) =>
        noteIds.Count == 0 ? "there are none" : $"valid: {string.Join(", ", noteIds.Order())}";

    private static void RequireText(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail($"{path} is empty");
        }
    }

    private static void RequireTexts(IReadOnlyList<string> values, string path)
    {
        for (var i = 0; i < values.Count; i++)
        {
            RequireText(values[i], $"{path}[{i}]");
        }
    }

    private static void RequireCount<T>(IReadOnlyList<T> values, int min, int max, string path)
    {
        if (values.Count < min || values.Count > max)
        {
            Fail($"{path} has {values.Count} entries; expected {min} to {max}");
        }
    }

    private static void Fail(string problem) => throw new InvalidModelOutputException(problem);
}
