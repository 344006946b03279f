using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Shared.Syllabi;

/// <summary>Settings of syllabus runs (section "Syllabi"), the same keys in both hosts.</summary>
public sealed class SyllabusOptions
{
    public const string SectionName = "Syllabi";

    /// <summary>How many lessons a batch generates at once.</summary>
    [Range(1, 64)]
    public int BatchConcurrency { get; set; } = 4;

    /// <summary>Research for a syllabus is lighter than for a lesson: fewer notes.</summary>
    [Range(200, 100_000)]
    public int NoteTokenBudget { get; set; } = 1500;

    [Range(1, 50)]
    public int MaxNotesPerSource { get; set; } = 6;

    [Range(10, 86_400)]
    public int RunTimeoutSeconds { get; set; } = 600;
}
