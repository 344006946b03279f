using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Shared.Lessons;

/// <summary>Settings of lesson runs (section "Lessons"), the same keys in both hosts.</summary>
public sealed class LessonOptions
{
    public const string SectionName = "Lessons";

    /// <summary>A run that has not finished after this long fails with a clear reason (a durable timer races the work).</summary>
    [Range(10, 86_400)]
    public int RunTimeoutSeconds { get; set; } = DefaultRunTimeoutSeconds;

    /// <summary>How many tokens of research notes the writing steps receive.</summary>
    [Range(200, 100_000)]
    public int NoteTokenBudget { get; set; } = DefaultNoteTokenBudget;

    /// <summary>
    /// Attempts of each save, and of each step's artifact reads and writes, while the store is unreachable: 2 s
    /// doubling to at most 30 s between them, so the default 8 rides out an outage of about two minutes.
    /// </summary>
    [Range(1, 20)]
    public int StorageRetryAttempts { get; set; } = DefaultStorageRetryAttempts;

    public const int DefaultStorageRetryAttempts = 8;

    public const int DefaultRunTimeoutSeconds = 600;

    public const int DefaultNoteTokenBudget = 3000;

    public const string DefaultLanguageCode = "en";

    [Required]
    [RegularExpression("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    public string DefaultLanguage { get; set; } = DefaultLanguageCode;
}
