using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Shared.Syllabi;

/// <summary>Settings of syllabus runs (section "Syllabi"), the same keys in both hosts.</summary>
public sealed class SyllabusOptions
{
    public const string SectionName = "Syllabi";

    /// <summary>How many lessons a batch generates at once.</summary>
    [Range(1, 64)]
    public int BatchConcurrency { get; set; } = DefaultBatchConcurrency;

    /// <summary>Research for a syllabus is lighter than for a lesson: fewer notes.</summary>
    [Range(200, 100_000)]
    public int NoteTokenBudget { get; set; } = DefaultNoteTokenBudget;

    [Range(1, 50)]
    public int MaxNotesPerSource { get; set; } = DefaultMaxNotesPerSource;

    [Range(10, 86_400)]
    public int RunTimeoutSeconds { get; set; } = DefaultRunTimeoutSeconds;

    public const int DefaultBatchConcurrency = 4;

    public const int DefaultNoteTokenBudget = 1500;

    public const int DefaultMaxNotesPerSource = 6;

    public const int DefaultRunTimeoutSeconds = 600;
}
