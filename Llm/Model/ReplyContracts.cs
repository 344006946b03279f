using DurableLessons.Shared.Lessons;

namespace DurableLessons.Llm.Model;

// The JSON objects the steps ask for (strict structured output needs an object at the root).

internal sealed record SectionsReply(IReadOnlyList<LessonSection> Sections);

internal sealed record ExercisesReply(IReadOnlyList<Exercise> Exercises);

internal sealed record QuizReply(IReadOnlyList<QuizQuestion> Questions);

internal sealed record ReviewReply(LessonDraft Draft, IReadOnlyList<string> Changes);

/// <summary>A research note as shown to the model: one JSON line, so no note text can break out of its line.</summary>
internal sealed record PromptNote(string Title, string Source, string Url, string Text);

/// <summary>The lesson material shown to the exercise and quiz steps.</summary>
internal sealed record PromptMaterial(LessonOutline Outline, IReadOnlyList<LessonSection> Sections);
