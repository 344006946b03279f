namespace DurableLessons.Shared.Lessons;

public sealed record OutlineSection(string Heading, IReadOnlyList<string> KeyPoints);

public sealed record LessonOutline(string Title, string Summary, IReadOnlyList<string> Objectives, IReadOnlyList<OutlineSection> Sections);

/// <summary>A section of prose in Markdown; <see cref="CitationIds"/> refer to <see cref="ResearchNote.Id"/>s.</summary>
public sealed record LessonSection(string Heading, string Body, IReadOnlyList<int> CitationIds);

public sealed record Exercise(string Prompt, string Answer);

public sealed record QuizQuestion(string Question, IReadOnlyList<string> Choices, int AnswerIndex, string Explanation);

public sealed record Citation(int Id, string Title, string Url, string Source);

/// <summary>The draft passed from step to step (by reference: see <c>IArtifactStore</c>).</summary>
public sealed record LessonDraft(
    LessonOutline Outline,
    IReadOnlyList<LessonSection> Sections,
    IReadOnlyList<Exercise> Exercises,
    IReadOnlyList<QuizQuestion> Quiz);

/// <summary>A finished lesson as stored and served.</summary>
public sealed record LessonDocument(
    string Title,
    string Summary,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<LessonSection> Sections,
    IReadOnlyList<Exercise> Exercises,
    IReadOnlyList<QuizQuestion> Quiz,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> ReviewNotes,
    string Generator,
    ModelUsage Usage)
{
    /// <summary>
    /// <see cref="LessonGrounding.Notes"/> or <see cref="LessonGrounding.None"/>. Versions stored before the field
    /// existed were all written from notes, which is what a missing value reads as.
    /// </summary>
    public string Grounding { get; init; } = LessonGrounding.Notes;
}

/// <summary>One stored version of a lesson.</summary>
public sealed record LessonVersion(
    string Subject,
    string Topic,
    string Level,
    string Version,
    string RunId,
    DateTimeOffset CreatedAt,
    LessonDocument Document);

/// <summary>A version without its content, for listings.</summary>
public sealed record LessonVersionInfo(
    string Subject,
    string Topic,
    string Level,
    string Version,
    string RunId,
    DateTimeOffset CreatedAt,
    string Title,
    string Generator);
