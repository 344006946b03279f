using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Shared.Practice;

/// <summary>Settings of practice sessions (section "Practice"), the same keys in both hosts.</summary>
public sealed class PracticeOptions
{
    public const string SectionName = "Practice";

    public const int DefaultIdleTimeoutMinutes = 30;

    public const int DefaultMaxAttempts = 3;

    public const int DefaultTurnsPerExecution = 20;

    /// <summary>A session with no message for this long ends as expired, its summary saved (fractions allowed: 0.5 is 30 s).</summary>
    [Range(0.05, 10_080)]
    public double IdleTimeoutMinutes { get; set; } = DefaultIdleTimeoutMinutes;

    public int IdleTimeoutSeconds => (int)Math.Ceiling(IdleTimeoutMinutes * 60);

    /// <summary>Wrong answers to one task before its answer is shown and the session moves on.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>Turns per orchestration execution; the session then continues as new with its state only, so its history stays small.</summary>
    [Range(1, 1_000)]
    public int TurnsPerExecution { get; set; } = DefaultTurnsPerExecution;
}
